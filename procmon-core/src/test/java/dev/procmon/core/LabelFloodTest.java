package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, hole 2: labels faster than the sink. On a fake clock, every line takes the sink 1 ms
 * and brings two new labels (2,000 labels/s against a sink that manages 1,000 lines/s).
 */
class LabelFloodTest {

    private static final long INTERVAL = 10_000_000L;

    @Test
    void samplingKeepsItsRateCloseEndsWithOneStopLineAndNothingFollows() throws InterruptedException {
        FakeClock clock = new FakeClock();
        FakeSampler sampler = new FakeSampler(clock, 120);
        CollectingSink lines = new CollectingSink();
        AtomicReference<Thread> writer = new AtomicReference<>();
        ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofNanos(INTERVAL))
                .clock(clock)
                .sampler(sampler)
                .jvm(false)
                .stopTimeout(Duration.ofSeconds(20))
                .sink(line -> {
                    writer.compareAndSet(null, Thread.currentThread());
                    lines.accept(line);
                    clock.advance(1_000_000L);
                    ProcessMonitor.label("flood a");
                    ProcessMonitor.label("flood b");
                })
                .start();
        try {
            assertThat(sampler.enough.await(30, TimeUnit.SECONDS))
                    .as("120 readings despite the flood")
                    .isTrue();
        } finally {
            m.close();
        }
        List<Long> times = sampler.times();
        for (int i = 1; i < 120; i++) {
            assertThat(times.get(i) - times.get(i - 1))
                    .as("reading %d came one interval after the last", i)
                    .isEqualTo(INTERVAL);
        }
        List<ParsedLine> parsed = lines.parsed();
        assertThat(parsed)
                .extracting(ParsedLine::marker)
                .containsOnlyOnce(LogFormat.MARKER_STOP)
                .last()
                .isEqualTo(LogFormat.MARKER_STOP);
        assertThat(parsed)
                .as("the full queue's losses are counted")
                .anyMatch(l -> l.values().containsKey("labels_dropped"));
        assertThat(writer.get().isAlive())
                .as("no thread is left that could write after close() returned")
                .isFalse();
    }
}
