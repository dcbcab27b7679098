package dev.procmon.core;

/**
 * When samples are due: sample k at {@code start + k * interval}, never drifting. A sample that ran
 * late does not push the rest back; the schedule skips the instants already past instead of
 * bursting to catch up.
 */
final class FixedRateSchedule {

    private final long startNanos;
    private final long intervalNanos;

    FixedRateSchedule(long startNanos, long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + intervalNanos);
        }
        this.startNanos = startNanos;
        this.intervalNanos = intervalNanos;
    }

    /** The first instant of the schedule strictly after {@code now}. */
    long nextDueAfter(long now) {
        long elapsed = now - startNanos;
        if (elapsed < 0) {
            return startNanos;
        }
        return startNanos + (elapsed / intervalNanos + 1) * intervalNanos;
    }
}
