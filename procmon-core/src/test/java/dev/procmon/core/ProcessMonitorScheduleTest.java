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

        private int secondSlowCall = -1;

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
        public synchronized void sample(ProcessReading into) {
            times.add(clock.nanoTime());
            if (times.size() == slowCall || times.size() == secondSlowCall) {
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
        try (ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofNanos(INTERVAL))
                .clock(clock)
                .sampler(sampler)
                .sink(sink)
                .jvm(false)
                .start()) {
            assertThat(sampler.enough.await(10, TimeUnit.SECONDS)).isTrue();
        }
        // In tenths of an interval.
        List<Long> offsets = sampler.times().stream()
                .limit(8)
                .map(t -> (t - start) / (INTERVAL / 10))
                .toList();
        // 0, 1, 2 on time; the third took 2.5 intervals: the sample due at 3 is taken as soon as it
        // can be (4.5), covering 4 as well (one skipped); then 5, 6, 7, 8 on the schedule again.
        assertThat(offsets).containsExactly(0L, 10L, 20L, 45L, 50L, 60L, 70L, 80L);
    }

    @Test
    void theFirstLineIsMarkedStartTheLastStopAndTheRestPlain() throws InterruptedException {
        FakeClock clock = new FakeClock();
        TimedSampler sampler = new TimedSampler(clock, 5, -1);
        CollectingSink sink = new CollectingSink();
        try (ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofNanos(INTERVAL))
                .clock(clock)
                .sampler(sampler)
                .sink(sink)
                .jvm(false)
                .start()) {
            assertThat(sampler.enough.await(10, TimeUnit.SECONDS)).isTrue();
        }
        List<String> markers = sink.parsed().stream().map(ParsedLine::marker).toList();
        assertThat(markers.get(0)).isEqualTo(LogFormat.MARKER_START);
        assertThat(markers.get(markers.size() - 1)).isEqualTo(LogFormat.MARKER_STOP);
        assertThat(markers.subList(1, markers.size() - 1))
                .containsOnly(LogFormat.MARKER)
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void skippedTicksAreCountedAndReportedOnce() throws InterruptedException {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ProcessMonitor.DEFAULT_LOGGER);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> reports =
                new ch.qos.logback.core.read.ListAppender<>();
        reports.start();
        logger.addAppender(reports);
        FakeClock clock = new FakeClock();
        TimedSampler sampler = new TimedSampler(clock, 10, 3);
        sampler.secondSlowCall = 6;
        try (ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofNanos(INTERVAL))
                .clock(clock)
                .sampler(sampler)
                .sink(new CollectingSink())
                .jvm(false)
                .start()) {
            assertThat(sampler.enough.await(10, TimeUnit.SECONDS)).isTrue();
            // Each slow read (2.5 intervals) makes one late reading that covers one more instant.
            assertThat(m.skippedSamples()).isEqualTo(2);
        } finally {
            logger.detachAppender(reports);
        }
        assertThat(reports.list)
                .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .filteredOn(msg -> msg.contains("could not sample on time"))
                .hasSize(1)
                .first()
                .asString()
                .contains("1 sample(s) skipped");
    }
}
