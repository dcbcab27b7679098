package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a reading and its time are one instant. The time stamp is taken around the /proc read;
 * the JVM's figures come after it, so a JVM read that waits (behind a large allocation, a GC) can
 * never move the stamp and so never skew a rate.
 */
class ReadingInstantTest {

    private static final long INTERVAL = 100_000_000L;

    @Test
    void aJvmReadThatBlocksDoesNotMoveTheStampedTime() throws InterruptedException {
        FakeClock clock = new FakeClock();
        FakeSampler sampler = new FakeSampler(clock, 6);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger jvmReads = new AtomicInteger();
        CollectingSink sink = new CollectingSink();
        ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofNanos(INTERVAL))
                .clock(clock)
                .sampler(sampler)
                .jvmReader(into -> {
                    if (jvmReads.incrementAndGet() == 3) {
                        blocked.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    into.hasJvm = true;
                    into.heapUsed = 1;
                })
                .sink(sink)
                .start();
        try {
            assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();
            clock.advance(7 * INTERVAL + INTERVAL / 2); // the JVM read waited 0.75 s
            release.countDown();
            assertThat(sampler.enough.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            m.close();
        }
        List<Long> readAt = sampler.times();
        List<ParsedLine> lines = sink.parsed();
        for (int i = 0; i < 5; i++) {
            double expected = (readAt.get(i) - FakeSampler.START_NANOS) / 1e9;
            assertThat(lines.get(i).number("elapsed_time"))
                    .as("line %d is stamped at its read", i)
                    .isEqualTo(expected);
            long epochMicros = 1_790_000_000_000_000L + readAt.get(i) / 1_000;
            assertThat(lines.get(i).values().get("timestamp")).isEqualTo(timestamp(epochMicros));
        }
        // The reading after the wait is late, logged with its own true time, and the schedule goes on.
        assertThat(readAt.get(3) - readAt.get(2)).isEqualTo(7 * INTERVAL + INTERVAL / 2);
        assertThat(readAt.get(4) - readAt.get(3)).isEqualTo(INTERVAL / 2);
    }

    private static String timestamp(long epochMicros) {
        StringBuilder b = new StringBuilder();
        new LocalTimestampFormat(java.time.ZoneId.systemDefault()).append(epochMicros, b);
        return b.toString();
    }
}
