package dev.procmon.core;

import java.time.Duration;

/** For {@link NoProviderTest}: the default monitor, run where no SLF4J provider is on the class path. */
public final class NoProviderMain {

    private NoProviderMain() {}

    public static void main(String[] args) throws InterruptedException {
        try (ProcessMonitor m = ProcessMonitor.start(Duration.ofMillis(50))) {
            ProcessMonitor.label("no provider");
            Thread.sleep(200);
        }
        try (ProcessMonitor again = ProcessMonitor.start(Duration.ofMillis(50))) {
            Thread.sleep(60);
        }
    }
}
