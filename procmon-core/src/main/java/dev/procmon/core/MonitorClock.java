package dev.procmon.core;

/**
 * The monitor's time source and sleep, injected so that the schedule is tested with a fake clock
 * rather than with real sleeps.
 */
interface MonitorClock {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Wall-clock microseconds since the epoch (UTC). */
    long epochMicros();

    /**
     * Sleeps until {@link #nanoTime()} reaches {@code deadline}, or until the sleeping thread is
     * unparked or interrupted; may return early, callers re-check.
     */
    void sleepUntil(long deadline);

    MonitorClock SYSTEM = new SystemMonitorClock();
}
