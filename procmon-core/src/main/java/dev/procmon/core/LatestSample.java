package dev.procmon.core;

import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The last sample a monitor wrote, for readers on other threads (a metrics scrape, an OpenTelemetry
 * callback): the ProcMon thread publishes each sample here after writing its line, and a reader
 * takes a consistent {@link MetricsSnapshot} of it without ever blocking the ProcMon thread.
 *
 * <p>Hand-written seqlock rather than a lock or a new immutable object per sample: publishing is on
 * the per-sample path, which allocates nothing and must never wait for a slow reader. The writer
 * makes the version odd, copies the values, makes it even; a reader retries while the version is odd
 * or changed under it (the pattern of {@link java.util.concurrent.locks.StampedLock}'s optimistic
 * reads, with the fences that makes them safe).
 */
// EnumOrdinal: the log fields index flat per-sample arrays by ordinal on purpose (no boxing, no map on the hot path).
@SuppressWarnings("EnumOrdinal")
final class LatestSample {

    private static final LogField[] FIELDS = LogField.values();

    private final AtomicLong version = new AtomicLong();
    private final long[] values = unknown();
    private long epochMicros;
    private long elapsedMicros;
    private long pid;
    private long labels;
    private long peakRss = -1;
    private String lastLabel = "";

    private static long[] unknown() {
        long[] v = new long[FIELDS.length];
        java.util.Arrays.fill(v, -1);
        return v;
    }

    /** Called by the ProcMon thread only. Allocates nothing. */
    void publish(ProcessReading s, long sampleEpochMicros, long sampleElapsedMicros) {
        long v = version.get();
        version.setOpaque(v + 1);
        java.lang.invoke.VarHandle.releaseFence();
        for (LogField f : FIELDS) {
            long value = f.fromSample() ? f.valueIn(s) : -1;
            // Costly counters are read every few samples and left out between: keep the last known value,
            // so a scrape between two readings does not see them vanish.
            if (value >= 0 || !f.fromSample()) {
                values[f.ordinal()] = value;
            }
        }
        epochMicros = sampleEpochMicros;
        elapsedMicros = sampleElapsedMicros;
        pid = s.pid;
        peakRss = Math.max(peakRss, s.rssBytes);
        version.setRelease(v + 2);
    }

    /** Called by the ProcMon thread for each label line it writes. */
    void publishLabel(String label) {
        long v = version.get();
        version.setOpaque(v + 1);
        java.lang.invoke.VarHandle.releaseFence();
        labels++;
        lastLabel = label;
        version.setRelease(v + 2);
    }

    /** Returns a consistent copy of the last sample, or null before the first one. */
    @Nullable
    MetricsSnapshot snapshot() {
        long[] copy = new long[values.length];
        while (true) {
            long before = version.getAcquire();
            if ((before & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            System.arraycopy(values, 0, copy, 0, copy.length);
            long epoch = epochMicros;
            long elapsed = elapsedMicros;
            long p = pid;
            long n = labels;
            long peak = peakRss;
            String label = lastLabel;
            java.lang.invoke.VarHandle.acquireFence();
            if (version.get() == before) {
                return before == 0 ? null : new MetricsSnapshot(copy, epoch, elapsed, p, peak, n, label);
            }
        }
    }
}
