package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, hole 3: {@code close()} (or {@code System.exit}) from inside the sink. */
class CloseFromSinkTest {

    @TempDir
    Path dir;

    private final CollectingSink sink = new CollectingSink();

    @Test
    void closeFromTheSinkWhileTheApplicationClosesWritesOneStopLine() throws InterruptedException {
        AtomicReference<ProcessMonitor> self = new AtomicReference<>();
        AtomicReference<Thread> application = new AtomicReference<>();
        CountDownLatch appClosing = new CountDownLatch(1);
        CountDownLatch sinkClosed = new CountDownLatch(1);
        ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(10))
                .jvm(false)
                .stopTimeout(Duration.ofSeconds(3))
                .sink(line -> {
                    sink.accept(line);
                    if (line.contains(LogFormat.MARKER_STOP) || sinkClosed.getCount() == 0) {
                        return;
                    }
                    try {
                        if (appClosing.await(30, TimeUnit.SECONDS)) {
                            // Wait (without a clock) until the application is inside its close().
                            Thread app = application.get();
                            while (app.getState() == Thread.State.RUNNABLE) {
                                Thread.onSpinWait();
                            }
                            self.get().close();
                            sinkClosed.countDown();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .start();
        self.set(m);
        application.set(Thread.currentThread());
        appClosing.countDown();
        m.close();
        assertThat(sinkClosed.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.parsed())
                .extracting(ParsedLine::marker)
                .containsOnlyOnce(LogFormat.MARKER_STOP)
                .last()
                .isEqualTo(LogFormat.MARKER_STOP);
    }

    @Test
    void closeFromTheSinkWithLabelsQueuedKeepsThemInOrderBeforeTheStopLine() throws InterruptedException {
        AtomicReference<ProcessMonitor> self = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(50))
                .jvm(false)
                .sink(line -> {
                    sink.accept(line);
                    started.countDown();
                    if (line.contains("\"label\": \"L1\"")) {
                        self.get().close();
                        closed.countDown();
                    }
                })
                .start();
        self.set(m);
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 5; i++) {
            assertThat(ProcessMonitor.label("L" + i)).isTrue();
        }
        assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
        m.close();
        List<ParsedLine> lines = sink.parsed();
        assertThat(lines)
                .extracting(l -> l.values().get("label"))
                .filteredOn(java.util.Objects::nonNull)
                .containsExactly("L1", "L2", "L3", "L4", "L5");
        assertThat(lines)
                .extracting(ParsedLine::marker)
                .containsOnlyOnce(LogFormat.MARKER_STOP)
                .last()
                .isEqualTo(LogFormat.MARKER_STOP);
    }
}
