package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor attacked as a hostile host application would attack it: every promise of
 * docs/reliability.md tried with real threads. Time limits are hang detectors, not speed bounds.
 */
class HostileHostTest {

    private static final Duration HANG = Duration.ofSeconds(60);

    private static long count(List<ParsedLine> lines, String marker) {
        return lines.stream().filter(l -> l.marker().equals(marker)).count();
    }

    /** A clock that, once armed, fails as the real one does when the heap is exhausted (it allocates when it recalibrates). */
    private static final class ExhaustedClock implements MonitorClock {
        final AtomicBoolean armed = new AtomicBoolean();

        @Override
        public long nanoTime() {
            if (armed.get()) {
                throw new OutOfMemoryError("Java heap space (injected)");
            }
            return System.nanoTime();
        }

        @Override
        public long epochMicros() {
            return MonitorClock.SYSTEM.epochMicros();
        }

        @Override
        public void sleepUntil(long deadline) {
            MonitorClock.SYSTEM.sleepUntil(deadline);
        }
    }

    @Test
    void anErrorThatKillsTheProcMonThreadReachesNoHandlerOfTheHostAndLeavesNoMonitorTakingLabels() {
        assertTimeoutPreemptively(HANG, () -> {
            List<Throwable> seenByHost = new CopyOnWriteArrayList<>();
            Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> seenByHost.add(e));
            try {
                ExhaustedClock clock = new ExhaustedClock();
                AtomicReference<Thread> procMon = new AtomicReference<>();
                CountDownLatch started = new CountDownLatch(1);
                ProcessMonitor m = ProcessMonitor.builder()
                        .interval(Duration.ofMillis(10))
                        .clock(clock)
                        .sampler(new FakeSampler(new FakeClock(), 1))
                        .sink(line -> {
                            procMon.set(Thread.currentThread());
                            started.countDown();
                        })
                        .start();
                assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
                clock.armed.set(true);
                procMon.get().join();
                assertThat(seenByHost).isEmpty();
                assertThat(ProcessMonitor.label("after the ProcMon thread died"))
                        .as("a monitor whose thread has ended writes nothing more, so it must not take labels")
                        .isFalse();
                assertThatCode(m::close).doesNotThrowAnyException();
            } finally {
                Thread.setDefaultUncaughtExceptionHandler(before);
            }
        });
    }

    @Test
    void aSinkThatLabelsOnEveryLineAndThenClosesEndsWithOneStopLine() {
        assertTimeoutPreemptively(HANG, () -> {
            CollectingSink lines = new CollectingSink();
            AtomicReference<ProcessMonitor> self = new AtomicReference<>();
            CountDownLatch closed = new CountDownLatch(1);
            AtomicInteger written = new AtomicInteger();
            ProcessMonitor m = ProcessMonitor.builder()
                    .interval(Duration.ofMillis(10))
                    .sampler(new FakeSampler(new FakeClock(), 1))
                    .sink(line -> {
                        lines.accept(line);
                        ProcessMonitor.label("from the sink " + written.get());
                        if (written.incrementAndGet() == 300 && self.get() != null) {
                            self.get().close();
                            closed.countDown();
                        }
                    })
                    .start();
            self.set(m);
            assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
            m.close();
            int after = lines.lines().size();
            List<ParsedLine> parsed = lines.parsed();
            assertThat(count(parsed, LogFormat.MARKER_START)).isEqualTo(1);
            assertThat(count(parsed, LogFormat.MARKER_STOP)).isEqualTo(1);
            assertThat(parsed.get(parsed.size() - 1).marker()).isEqualTo(LogFormat.MARKER_STOP);
            assertThat(lines.lines()).hasSize(after);
        });
    }

    /** Thrown by a hostile library: every method that describes it throws in turn. */
    private static final class HostileThrowable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage");
        }

        @Override
        public String getLocalizedMessage() {
            throw new IllegalStateException("getLocalizedMessage");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new IllegalStateException("getStackTrace");
        }
    }

    @Test
    void aSinkAndASamplerThrowingUndescribableThrowablesNeverReachTheHost() {
        assertTimeoutPreemptively(HANG, () -> {
            List<Throwable> seenByHost = new CopyOnWriteArrayList<>();
            Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> seenByHost.add(e));
            try {
                AtomicInteger samples = new AtomicInteger();
                CountDownLatch enough = new CountDownLatch(20);
                Sampler hostile = new Sampler() {
                    @Override
                    public long pid() {
                        return ProcessHandle.current().pid();
                    }

                    @Override
                    public void sample(ProcessReading into) {
                        enough.countDown();
                        into.pid = pid();
                        if (samples.incrementAndGet() % 2 == 0) {
                            throw new HostileThrowable();
                        }
                    }
                };
                ProcessMonitor m = ProcessMonitor.builder()
                        .interval(Duration.ofMillis(10))
                        .sampler(hostile)
                        .sink(line -> {
                            throw new HostileThrowable();
                        })
                        .start();
                assertThat(enough.await(30, TimeUnit.SECONDS)).isTrue();
                assertThatCode(m::close).doesNotThrowAnyException();
                assertThat(m.failedSamples()).isPositive();
                assertThat(seenByHost).isEmpty();
            } finally {
                Thread.setDefaultUncaughtExceptionHandler(before);
            }
        });
    }

    @Test
    void aPhaseClosedTwiceAndFromAnotherThreadEndsOnce() {
        assertTimeoutPreemptively(HANG, () -> {
            CollectingSink lines = new CollectingSink();
            ProcessMonitor m = ProcessMonitor.builder()
                    .interval(Duration.ofMillis(10))
                    .sampler(new FakeSampler(new FakeClock(), 1))
                    .sink(lines)
                    .start();
            Phase phase = ProcessMonitor.phase("twice");
            CyclicBarrier go = new CyclicBarrier(4);
            List<Thread> closers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    phase.close();
                    phase.close();
                });
                t.start();
                closers.add(t);
            }
            for (Thread t : closers) {
                t.join();
            }
            phase.close();
            m.close();
            List<ParsedLine> parsed = lines.parsed();
            assertThat(parsed.stream()
                            .filter(l -> "twice".equals(l.values().get(LogFormat.LABEL)))
                            .map(l -> l.values().get(LogFormat.PHASE))
                            .toList())
                    .containsExactly("start", "end");
        });
    }

    @Test
    void hostileLabelTextStaysOneParsableLineEachInAFile(@TempDir Path dir) {
        assertTimeoutPreemptively(HANG, () -> {
            Path log = dir.resolve("p.log");
            String mega = "x".repeat(1 << 20);
            String[] labels = {
                "lone high \uD800 surrogate",
                "lone low \uDC00",
                "\uDC00\uD800 reversed",
                "nul \0 bell \u0007 del \u007f",
                "line\nbreak\rcr\u2028ls\u2029ps",
                "quote \" backslash \\ \\u0041",
                mega,
                "x".repeat(SampleLineWriter.MAX_LABEL_LENGTH - 1) + "\uD83D\uDE00 pair cut at the limit",
                "",
            };
            ProcessMonitor m = ProcessMonitor.builder()
                    .interval(Duration.ofMillis(10))
                    .sampler(new FakeSampler(new FakeClock(), 1))
                    .file(log)
                    .start();
            for (String l : labels) {
                assertThat(ProcessMonitor.label(l)).isTrue();
            }
            m.close();
            List<String> fileLines = Files.readAllLines(log);
            List<ParsedLine> parsed = fileLines.stream().map(ParsedLine::parse).toList();
            List<String> written = parsed.stream()
                    .map(l -> l.values().get(LogFormat.LABEL))
                    .filter(l -> l != null)
                    .toList();
            assertThat(written).hasSize(labels.length);
            for (int i = 0; i < labels.length; i++) {
                if (labels[i].length() <= SampleLineWriter.MAX_LABEL_LENGTH) {
                    assertThat(written.get(i)).isEqualTo(labels[i]);
                } else {
                    assertThat(written.get(i))
                            .hasSizeLessThanOrEqualTo(SampleLineWriter.MAX_LABEL_LENGTH + 1)
                            .endsWith("\u2026");
                }
            }
            assertThat(fileLines).allSatisfy(l -> assertThat(l.length()).isLessThan(64 * 1024));
        });
    }

    @Test
    void aFullDiskNeverReachesTheHostAndCloseReturns() {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "/dev/full is needed");
        assertTimeoutPreemptively(HANG, () -> {
            ProcessMonitor m = ProcessMonitor.builder()
                    .interval(Duration.ofMillis(10))
                    .file(full)
                    .start();
            for (int i = 0; i < 2000; i++) {
                ProcessMonitor.label("into a full disk " + i);
            }
            assertThatCode(m::close).doesNotThrowAnyException();
        });
    }

    /** A disk that fills up and empties again, cutting the write that overflows it wherever it falls. */
    private static final class FillingStream extends java.io.OutputStream {
        final java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        volatile int room = Integer.MAX_VALUE;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            int fits = Math.min(len, room);
            written.write(b, off, fits);
            room -= fits;
            if (fits < len) {
                throw new IOException("No space left on device");
            }
        }

        synchronized String text() {
            return written.toString(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    @Test
    void aDiskThatFillsAndEmptiesRepeatedlyLeavesEveryCompleteLineIntact() throws IOException {
        FillingStream disk = new FillingStream();
        FileLineSink fileSink = new FileLineSink(disk, MonitorClock.SYSTEM, org.slf4j.event.Level.INFO);
        SampleLineWriter writer = new SampleLineWriter(java.time.ZoneId.of("UTC"));
        ProcessReading s = new ProcessReading();
        s.pid = 7;
        int ok = 0;
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 500; i++) {
            if (i % 7 == 3) {
                disk.room = random.nextInt(300);
            } else if (i % 7 == 5) {
                disk.room = Integer.MAX_VALUE;
            }
            try {
                fileSink.write(writer.format(LogFormat.MARKER, s, 1_790_000_000_000_000L, 1_000_000, "n" + i, 0));
                ok++;
            } catch (IOException full) {
                // a failed write, as GuardedSink would swallow it
            }
        }
        List<String> intact = disk.text()
                .lines()
                .filter(l -> l.endsWith("}"))
                .filter(l -> {
                    try {
                        ParsedLine.parse(l);
                        return true;
                    } catch (RuntimeException e) {
                        return false;
                    }
                })
                .toList();
        assertThat(intact).hasSize(ok);
    }

    @Test
    void closeRacingTheFirstTickFromManyThreadsSomeInterruptedWritesOneStartAndOneStop() {
        assertTimeoutPreemptively(HANG, () -> {
            for (int round = 0; round < 30; round++) {
                CollectingSink lines = new CollectingSink();
                ProcessMonitor m = ProcessMonitor.builder()
                        .interval(Duration.ofMillis(10))
                        .sampler(new FakeSampler(new FakeClock(), 1))
                        .sink(lines)
                        .start();
                String label = "racing " + round;
                ProcessMonitor.label(label);
                CyclicBarrier go = new CyclicBarrier(6);
                List<Thread> closers = new ArrayList<>();
                AtomicBoolean keptInterrupt = new AtomicBoolean(true);
                for (int i = 0; i < 6; i++) {
                    boolean interrupt = i % 2 == 0;
                    Thread t = new Thread(() -> {
                        try {
                            go.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        if (interrupt) {
                            Thread.currentThread().interrupt();
                        }
                        m.close();
                        if (interrupt && !Thread.currentThread().isInterrupted()) {
                            keptInterrupt.set(false);
                        }
                    });
                    t.start();
                    closers.add(t);
                }
                for (Thread t : closers) {
                    t.join();
                }
                List<ParsedLine> parsed = lines.parsed();
                assertThat(count(parsed, LogFormat.MARKER_START))
                        .as("round %d", round)
                        .isEqualTo(1);
                assertThat(count(parsed, LogFormat.MARKER_STOP))
                        .as("round %d", round)
                        .isEqualTo(1);
                assertThat(parsed.get(parsed.size() - 1).marker()).isEqualTo(LogFormat.MARKER_STOP);
                assertThat(parsed.stream().filter(l -> label.equals(l.values().get(LogFormat.LABEL))))
                        .hasSize(1);
                assertThat(keptInterrupt).isTrue();
            }
        });
    }

    @Test
    void aSinkThatHangsLetsLabelCloseAndPhaseReturn() {
        assertTimeoutPreemptively(HANG, () -> {
            CountDownLatch inSink = new CountDownLatch(1);
            CountDownLatch never = new CountDownLatch(1);
            ProcessMonitor m = ProcessMonitor.builder()
                    .interval(Duration.ofMillis(10))
                    .sampler(new FakeSampler(new FakeClock(), 1))
                    .stopTimeout(Duration.ofMillis(300))
                    .sink(line -> {
                        inSink.countDown();
                        while (true) {
                            try {
                                never.await();
                            } catch (InterruptedException ignored) {
                                // a hung sink ignores interrupts too
                            }
                        }
                    })
                    .start();
            assertThat(inSink.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 5000; i++) {
                ProcessMonitor.label("to a hung sink " + i);
            }
            ProcessMonitor.phase("hung").close();
            assertThatCode(m::close).doesNotThrowAnyException();
            assertThat(ProcessMonitor.label("after close")).isFalse();
        });
    }

    @Test
    void labelsFromManyThreadsReachTwoMonitorsInOneAndTheSameOrder() {
        assertTimeoutPreemptively(HANG, () -> {
            for (int round = 0; round < 100; round++) {
                CollectingSink a = new CollectingSink();
                CollectingSink b = new CollectingSink();
                ProcessMonitor ma = ProcessMonitor.builder()
                        .interval(Duration.ofMillis(10))
                        .sampler(new FakeSampler(new FakeClock(), 1))
                        .sink(a)
                        .start();
                ProcessMonitor mb = ProcessMonitor.builder()
                        .interval(Duration.ofMillis(10))
                        .sampler(new FakeSampler(new FakeClock(), 1))
                        .sink(b)
                        .start();
                CyclicBarrier go = new CyclicBarrier(4);
                List<Thread> labellers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String who = "t" + i + "-";
                    Thread t = new Thread(() -> {
                        try {
                            go.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        for (int n = 0; n < 200; n++) {
                            ProcessMonitor.label(who + n);
                        }
                    });
                    t.start();
                    labellers.add(t);
                }
                for (Thread t : labellers) {
                    t.join();
                }
                ma.close();
                mb.close();
                List<String> inA = a.parsed().stream()
                        .map(l -> l.values().get(LogFormat.LABEL))
                        .filter(l -> l != null)
                        .toList();
                List<String> inB = b.parsed().stream()
                        .map(l -> l.values().get(LogFormat.LABEL))
                        .filter(l -> l != null)
                        .toList();
                assertThat(inA).hasSize(800);
                assertThat(inB)
                        .as("round %d: the same labels in the same order in both monitors", round)
                        .isEqualTo(inA);
            }
        });
    }
}
