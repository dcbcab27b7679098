package dev.procmon.core;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A program for {@link HostileShutdownTest}: uses the monitor from its own shutdown hook, as a
 * hostile host might. {@code start-in-hook}: a monitor started while the JVM is already exiting and
 * never closed; {@code close-in-hook}: the application's hook labels and closes while the monitor's
 * own hook closes it too.
 */
public final class HookMain {

    private HookMain() {}

    public static void main(String[] args) {
        Path log = Path.of(args[0]);
        if (args[1].equals("start-in-hook")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ProcessMonitor.builder()
                        .interval(Duration.ofMillis(10))
                        .file(log)
                        .start();
                System.out.println("label taken: " + ProcessMonitor.label("from the hook"));
            }));
        } else {
            ProcessMonitor monitor = ProcessMonitor.builder()
                    .interval(Duration.ofMillis(10))
                    .file(log)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ProcessMonitor.label("from the hook");
                monitor.close();
                monitor.close();
            }));
        }
        System.exit(3);
    }
}
