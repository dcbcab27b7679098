package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Issue 11, hole 1: a logging backend that throws (Log4j2 with {@code ignoreExceptions="false"}, a
 * custom provider). Here a Logback turbo filter throws on every event of the {@code procmon}
 * logger, as such a backend would: the monitor's own failure reports must not carry it out.
 */
class ThrowingLoggerTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;
    private final TurboFilter throwing = new TurboFilter() {
        @Override
        public FilterReply decide(
                Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
            if (logger.getName().startsWith(ProcessMonitor.DEFAULT_LOGGER)) {
                throw new IllegalStateException("logging backend down");
            }
            return FilterReply.NEUTRAL;
        }
    };

    @BeforeEach
    void breakTheBackend() {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        throwing.start();
        context.addTurboFilter(throwing);
    }

    @AfterEach
    void mendIt() {
        context.getTurboFilterList().remove(throwing);
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    @Test
    void failureReportsThatThrowNeitherEscapeNorStopTheMonitor() throws InterruptedException {
        CountDownLatch calls = new CountDownLatch(12);
        Sampler failingEveryOther = new Sampler() {
            private int n;

            @Override
            public long pid() {
                return 4242;
            }

            @Override
            public void sample(ProcessReading into) throws IOException {
                calls.countDown();
                if (++n % 2 == 0) {
                    throw new IOException("injected " + n);
                }
                into.pid = 4242;
                into.rssBytes = n;
            }
        };
        ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(10))
                .sampler(failingEveryOther)
                .sink(line -> {
                    throw new IllegalStateException("sink down");
                })
                .start();
        assertThat(calls.await(30, TimeUnit.SECONDS))
                .as("sampling goes on after the reports threw")
                .isTrue();
        assertThatCode(m::close).doesNotThrowAnyException();
        assertThat(m.failedSamples()).isGreaterThanOrEqualTo(5);
        assertThat(uncaught)
                .as("nothing reached the uncaught-exception handler")
                .isEmpty();
    }

    @Test
    void theDefaultSlf4jSinkThrowingIsAFailedWriteToo() throws InterruptedException {
        CountDownLatch calls = new CountDownLatch(6);
        Sampler sampler = new Sampler() {
            @Override
            public long pid() {
                return 4242;
            }

            @Override
            public void sample(ProcessReading into) {
                calls.countDown();
                into.pid = 4242;
            }
        };
        ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(10))
                .sampler(sampler)
                .start();
        assertThat(calls.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatCode(m::close).doesNotThrowAnyException();
        assertThat(uncaught).isEmpty();
    }
}
