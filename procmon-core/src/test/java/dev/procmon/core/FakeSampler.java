package dev.procmon.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A reading of this process (so labels reach its monitor) that records the fake clock at each
 * read; the process "started" when the clock did, so elapsed_time is clock time since then.
 */
final class FakeSampler implements Sampler {

    static final long START_NANOS = 1_000_000_000L;

    private final FakeClock clock;
    private final List<Long> times = new ArrayList<>();
    final CountDownLatch enough;

    FakeSampler(FakeClock clock, int wanted) {
        this.clock = clock;
        this.enough = new CountDownLatch(wanted);
    }

    @Override
    public long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public void sample(ProcessReading into) {
        synchronized (this) {
            times.add(clock.nanoTime());
        }
        into.pid = pid();
        into.processStartNanos = START_NANOS;
        into.rssBytes = times.size();
        into.userMicros = 0;
        enough.countDown();
    }

    synchronized List<Long> times() {
        return List.copyOf(times);
    }
}
