package dev.procmon.core;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A program for {@link ShutdownTest}: opens a monitor writing to a file and leaves the JVM without
 * closing it, by {@code System.exit} or by returning from main.
 */
public final class ExitingMain {

    private ExitingMain() {}

    public static void main(String[] args) throws InterruptedException {
        ProcessMonitor monitor = ProcessMonitor.builder()
                .interval(Duration.ofMillis(50))
                .file(Path.of(args[0]))
                .start();
        ProcessMonitor.label("about to leave by " + args[1]);
        Thread.sleep(300);
        if (args[1].equals("exit")) {
            System.exit(7);
        }
        // "return": main ends with the monitor open; its daemon thread must not keep the JVM alive.
        if (monitor.pid() < 0) {
            throw new IllegalStateException();
        }
    }
}
