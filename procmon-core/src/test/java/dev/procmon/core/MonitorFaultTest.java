package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The monitor runs inside other people's programs: whatever fails inside it stays inside it. */
class MonitorFaultTest {

    private final CollectingSink sink = new CollectingSink();
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger procmonLogger = (Logger) LoggerFactory.getLogger(ProcessMonitor.DEFAULT_LOGGER);

    @BeforeEach
    void captureWarnings() {
        warnings.start();
        procmonLogger.addAppender(warnings);
    }

    @AfterEach
    void release() {
        procmonLogger.detachAppender(warnings);
    }

    private List<String> warningMessages() {
        return warnings.list.stream()
                .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** Fails on every call whose number the predicate picks, otherwise returns a plausible reading. */
    private static final class FlakySampler implements Sampler {
        private final AtomicInteger calls = new AtomicInteger();
        private final java.util.function.IntPredicate fails;
        private final CountDownLatch enough;

        FlakySampler(java.util.function.IntPredicate fails, int wanted) {
            this.fails = fails;
            this.enough = new CountDownLatch(wanted);
        }

        @Override
        public long pid() {
            return 4242;
        }

        @Override
        public void sample(ProcessReading into) throws IOException {
            int n = calls.incrementAndGet();
            enough.countDown();
            if (fails.test(n)) {
                throw new IOException("injected failure " + n);
            }
            into.pid = 4242;
            into.rssBytes = n;
        }
    }

    @Test
    void aFailingSampleIsWarnedOnceAndTheMonitorCarriesOn() throws InterruptedException {
        FlakySampler sampler = new FlakySampler(n -> n % 2 == 0, 12);
        ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(10))
                .sampler(sampler)
                .sink(sink)
                .start();
        assertThat(sampler.enough.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatCode(m::close).doesNotThrowAnyException();
        assertThat(m.failedSamples()).isGreaterThanOrEqualTo(5);
        assertThat(warningMessages()).hasSize(1).first().asString().contains("injected failure 2");
        assertThat(sink.parsed())
                .extracting(l -> l.values().get("memory_info.rss"))
                .allMatch(rss -> Integer.parseInt(rss) % 2 == 1, "only good readings are written");
    }

    @Test
    void garbageFromProcIsAFailedSampleNotAnException() throws IOException {
        java.nio.file.Path garbage = java.nio.file.Files.createTempFile("stat", "");
        java.nio.file.Files.writeString(garbage, "1 (x) Z garbage");
        try (ProcStatReader reader = new ProcStatReader(garbage)) {
            ProcStat stat = new ProcStat();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(stat))
                    .isInstanceOf(IOException.class);
        } finally {
            java.nio.file.Files.delete(garbage);
        }
    }

    @Test
    void aThrowingSinkIsWarnedOnceAndNeverReachesTheApplication() throws InterruptedException {
        AtomicInteger writes = new AtomicInteger();
        FlakySampler sampler = new FlakySampler(n -> false, 10);
        ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(10))
                .sampler(sampler)
                .sink(line -> {
                    writes.incrementAndGet();
                    throw new IllegalStateException("disk full");
                })
                .start();
        assertThat(sampler.enough.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatCode(m::close).doesNotThrowAnyException();
        assertThat(writes.get()).isGreaterThanOrEqualTo(10);
        assertThat(warningMessages()).hasSize(1).first().asString().contains("disk full");
    }

    @Test
    void aSamplerThatBlocksForeverDoesNotStopCloseFromReturning() throws InterruptedException {
        CountDownLatch blocked = new CountDownLatch(1);
        Sampler stuck = new Sampler() {
            @Override
            public long pid() {
                return 1;
            }

            @Override
            public void sample(ProcessReading into) {
                blocked.countDown();
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        // A read stuck in the kernel does not care about interrupts either.
                    }
                }
            }
        };
        ProcessMonitor m = ProcessMonitor.builder()
                .sampler(stuck)
                .sink(sink)
                .stopTimeout(Duration.ofMillis(200))
                .start();
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatCode(m::close).doesNotThrowAnyException();
        assertThat(warningMessages()).anyMatch(w -> w.contains("did not stop"));
    }

    @Test
    void interruptingTheMonitorThreadDoesNotStopOrSpinIt() throws InterruptedException {
        FlakySampler sampler = new FlakySampler(n -> false, 6);
        long start = System.nanoTime();
        try (ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(20))
                .sampler(sampler)
                .sink(sink)
                .start()) {
            Thread.sleep(30);
            Thread procMon = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals(ProcessMonitor.THREAD_NAME))
                    .findFirst()
                    .orElseThrow();
            procMon.interrupt();
            assertThat(sampler.enough.await(30, TimeUnit.SECONDS))
                    .as("samples go on after the interrupt")
                    .isTrue();
        }
        // A loop spinning on the interrupt flag would sample thousands of times per interval; a
        // scheduled one samples about once per 20 ms of however long this took.
        long intervals = (System.nanoTime() - start) / 20_000_000L;
        assertThat(sampler.calls.get()).isLessThanOrEqualTo((int) (2 * intervals + 10));
    }

    @Test
    void anErrorThrownBySamplerIsAFailedSampleNotTheEndOfTheMonitor() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(6);
        Sampler erring = new Sampler() {
            @Override
            public long pid() {
                return 4242;
            }

            @Override
            public void sample(ProcessReading into) {
                int n = calls.incrementAndGet();
                enough.countDown();
                if (n % 2 == 0) {
                    throw n % 4 == 0 ? new StackOverflowError("injected") : new OutOfMemoryError("injected");
                }
                into.pid = 4242;
                into.rssBytes = n;
            }
        };
        ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(10))
                .sampler(erring)
                .sink(sink)
                .start();
        assertThat(enough.await(30, TimeUnit.SECONDS))
                .as("sampling goes on after an Error")
                .isTrue();
        assertThatCode(m::close).doesNotThrowAnyException();
        assertThat(m.failedSamples()).isGreaterThanOrEqualTo(3);
        assertThat(sink.parsed().get(sink.parsed().size() - 1).marker()).isEqualTo(LogFormat.MARKER_STOP);
    }

    @Test
    void closeFromAnInterruptedThreadWritesStopAndKeepsTheInterrupt() {
        ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(10))
                .sampler(new FlakySampler(n -> false, 1))
                .sink(sink)
                .start();
        Thread.currentThread().interrupt();
        try {
            assertThatCode(m::close).doesNotThrowAnyException();
            assertThat(Thread.currentThread().isInterrupted())
                    .as("the caller's interrupt is kept")
                    .isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(sink.parsed())
                .extracting(ParsedLine::marker)
                .containsOnlyOnce(LogFormat.MARKER_STOP)
                .last()
                .isEqualTo(LogFormat.MARKER_STOP);
    }

    @Test
    void closeFrom8ThreadsAtOnceWritesOneStopLineAndAllReturn() throws Exception {
        FlakySampler sampler = new FlakySampler(n -> false, 3);
        ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(10))
                .sampler(sampler)
                .sink(sink)
                .start();
        assertThat(sampler.enough.await(30, TimeUnit.SECONDS)).isTrue();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> closes = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                closes.add(pool.submit(() -> {
                    go.await();
                    m.close();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : closes) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sink.parsed())
                .extracting(ParsedLine::marker)
                .containsOnlyOnce(LogFormat.MARKER_STOP)
                .last()
                .isEqualTo(LogFormat.MARKER_STOP);
    }

    @Test
    void aSinkThatClosesTheMonitorFromTheProcMonThreadEndsItCleanly() throws InterruptedException {
        AtomicReference<ProcessMonitor> self = new AtomicReference<>();
        CountDownLatch closedFromInside = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(10))
                .sampler(new FlakySampler(n -> false, 1))
                .sink(line -> {
                    sink.accept(line);
                    ProcessMonitor me = self.get();
                    if (me != null && !line.contains(LogFormat.MARKER_STOP) && closedFromInside.getCount() > 0) {
                        try {
                            started.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        me.close();
                        closedFromInside.countDown();
                    }
                })
                .start();
        self.set(m);
        started.countDown();
        assertThat(closedFromInside.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatCode(m::close).doesNotThrowAnyException();
        assertThat(sink.parsed()).extracting(ParsedLine::marker).containsOnlyOnce(LogFormat.MARKER_STOP);
    }

    @Test
    void labelsFrom16ThreadsWhileMonitorsStartAndStopEachAppearExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<List<String>>> accepted = new ArrayList<>();
        try {
            for (int t = 0; t < 16; t++) {
                int thread = t;
                accepted.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; running.get(); i++) {
                        String label = "t" + thread + "-" + i;
                        if (ProcessMonitor.label(label)) {
                            mine.add(label);
                        }
                        if (i % 64 == 0) {
                            Thread.onSpinWait();
                            Thread.sleep(1);
                        }
                    }
                    return mine;
                }));
            }
            for (int round = 0; round < 20; round++) {
                try (ProcessMonitor m = ProcessMonitor.builder()
                        .interval(Duration.ofMillis(10))
                        .sink(sink)
                        .jvm(round % 2 == 0)
                        .start()) {
                    Thread.sleep(10);
                }
            }
        } finally {
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        // A label accepted is one a monitor open at that moment took: none waits for a later monitor.
        Map<String, Integer> seen = new HashMap<>();
        for (ParsedLine line : sink.parsed()) {
            String label = line.values().get("label");
            if (label != null) {
                seen.merge(label, 1, Integer::sum);
            }
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> f : accepted) {
            all.addAll(f.get());
        }
        assertThat(all).hasSizeGreaterThan(1_000);
        assertThat(seen)
                .hasSize(all.size())
                .allSatisfy((label, count) -> assertThat(count).as(label).isEqualTo(1));
        // Set equality, not containsExactlyInAnyOrder: that one is quadratic in the tens of thousands.
        assertThat(seen.keySet()).isEqualTo(new java.util.HashSet<>(all));
    }
}
