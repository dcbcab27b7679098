package dev.procmon.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * This JVM's children counters and the monotonic time, read just before a child is started: what
 * {@link ReapedChildSampler} subtracts from the counters after the child is reaped.
 */
record ChildBaseline(ChildCounters counters, long nanoTime) {

    static ChildBaseline now(Path selfStat, MonitorClock clock) {
        try {
            return new ChildBaseline(ChildCounters.read(selfStat), clock.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + selfStat + ": " + e.getMessage(), e);
        }
    }
}
