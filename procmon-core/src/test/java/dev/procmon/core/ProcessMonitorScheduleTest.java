package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessMonitorScheduleTest {

    private static final long INTERVAL = 100_000_000L;

    /** Records when it was asked for a sample; one call takes 2.5 intervals of (fake) time. */
    private static final class TimedSampler implements Sampler {
        private final FakeClock clock;
        private final List<Long> times = new ArrayList<>();
        private final CountDownLatch enough;
        private final int slowCall;

        TimedSampler(FakeClock clock, int wanted, int slowCall) {
            this.clock = clock;
            this.enough = new CountDownLatch(wanted);
            this.slowCall = slowCall;
        }

        @Override
        public long pid() {
            return 42;
        }

        @Override
        public synchronized void sample(Sample into) {
            times.add(clock.nanoTime());
            if (times.size() == slowCall) {
                clock.advance(INTERVAL * 5 / 2);
            }
            into.pid = 42;
            into.rssBytes = 1;
            enough.countDown();
        }

        synchronized List<Long> times() {
            return List.copyOf(times);
        }
    }

    @Test
    void samplesAreDueAtStartPlusKIntervalsAndALateOneDoesNotPushTheRestBack() throws InterruptedException {
        FakeClock clock = new FakeClock();
        long start = clock.nanoTime();
        TimedSampler sampler = new TimedSampler(clock, 8, 3);
        CollectingSink sink = new CollectingSink();
        try (ProcessMonitor m = ProcessMonitor.builder().interval(Duration.ofNanos(INTERVAL))
                .clock(clock).sampler(sampler).sink(sink).jvm(false).start()) {
            assertThat(sampler.enough.await(10, TimeUnit.SECONDS)).isTrue();
        }
        List<Long> offsets = sampler.times().stream().limit(8).map(t -> (t - start) / INTERVAL * 10 + (t - start) % INTERVAL).toList();
        // 0, 1, 2 on time; the third took 2.5 intervals, so 3 and 4 are skipped; then 5, 6, 7, 8, 9.
        assertThat(offsets).containsExactly(0L, 10L, 20L, 50L, 60L, 70L, 80L, 90L);
    }

    @Test
    void theFirstLineIsMarkedStartTheLastStopAndTheRestPlain() throws InterruptedException {
        FakeClock clock = new FakeClock();
        TimedSampler sampler = new TimedSampler(clock, 5, -1);
        CollectingSink sink = new CollectingSink();
        try (ProcessMonitor m = ProcessMonitor.builder().interval(Duration.ofNanos(INTERVAL))
                .clock(clock).sampler(sampler).sink(sink).jvm(false).start()) {
            assertThat(sampler.enough.await(10, TimeUnit.SECONDS)).isTrue();
        }
        List<String> markers = sink.parsed().stream().map(ParsedLine::marker).toList();
        assertThat(markers.get(0)).isEqualTo(LogFormat.MARKER_START);
        assertThat(markers.get(markers.size() - 1)).isEqualTo(LogFormat.MARKER_STOP);
        assertThat(markers.subList(1, markers.size() - 1)).containsOnly(LogFormat.MARKER).hasSizeGreaterThanOrEqualTo(3);
    }
}
