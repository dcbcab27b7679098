package dev.procmon.core;

import java.util.concurrent.atomic.AtomicLong;

/** A clock whose time moves only when someone sleeps on it or advances it: schedules without sleeps. */
final class FakeClock implements MonitorClock {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long epochMicros() {
        return 1_790_000_000_000_000L + nanos.get() / 1_000;
    }

    @Override
    public void sleepUntil(long deadline) {
        nanos.accumulateAndGet(deadline, Math::max);
        Thread.yield();
    }

    void advance(long delta) {
        nanos.addAndGet(delta);
    }
}
