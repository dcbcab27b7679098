package dev.procmon.plot;

import dev.procmon.core.ProcessMonitor;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A program for {@link CrashSafetyIT}: opens a 10 ms monitor (the shortest interval there is) writing to the file {@code args[0]},
 * labels as fast as it can and never closes the monitor; the test kills it with SIGKILL.
 */
public final class MonitoredChildMain {

    private MonitoredChildMain() {}

    public static void main(String[] args) throws InterruptedException {
        ProcessMonitor monitor = ProcessMonitor.builder()
                .interval(Duration.ofMillis(10))
                .file(Path.of(args[0]))
                .start();
        for (long i = 0; monitor.pid() > 0; i++) {
            ProcessMonitor.label("work item " + i + " \"quoted\" \\ \u2028 done");
            Thread.sleep(0, 200_000);
        }
    }
}
