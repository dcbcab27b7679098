package dev.procmon.core;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * The real clock. Wall time with microseconds is derived from {@link System#nanoTime()} against a
 * calibration taken from {@link Instant#now()} (which allocates) at most once a minute, and at once
 * if the wall clock has been stepped, so that a sample allocates nothing for its timestamp.
 */
final class SystemMonitorClock implements MonitorClock {

    private static final long RECALIBRATE_NANOS = 60_000_000_000L;

    private volatile Calibration calibration = Calibration.now();

    private record Calibration(long nanos, long epochMicros) {
        static Calibration now() {
            long nanos = System.nanoTime();
            Instant instant = Instant.now();
            return new Calibration(nanos, instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000);
        }
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long epochMicros() {
        Calibration c = calibration;
        long nanos = System.nanoTime();
        long micros = c.epochMicros + (nanos - c.nanos) / 1_000;
        if (nanos - c.nanos > RECALIBRATE_NANOS || Math.abs(micros / 1_000 - System.currentTimeMillis()) > 2) {
            c = Calibration.now();
            calibration = c;
            micros = c.epochMicros + (System.nanoTime() - c.nanos) / 1_000;
        }
        return micros;
    }

    @Override
    public void sleepUntil(long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining > 0) {
            LockSupport.parkNanos(this, remaining);
        }
    }
}
