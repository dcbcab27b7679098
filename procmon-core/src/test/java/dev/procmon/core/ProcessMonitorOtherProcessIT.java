package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The monitor pointed at another process, which ends the way such recordings end: the target exits. */
class ProcessMonitorOtherProcessIT {

    private final CollectingSink sink = new CollectingSink();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger procmonLogger = (Logger) LoggerFactory.getLogger(ProcessMonitor.DEFAULT_LOGGER);

    @BeforeEach
    void captureTheMonitorsOwnLog() {
        logged.start();
        procmonLogger.addAppender(logged);
    }

    @AfterEach
    void release() {
        procmonLogger.detachAppender(logged);
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    @Test
    void aTargetThatExitsIsNotAWarningAndTheStopLineCarriesItsLastReading() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        ProcessMonitor m = ProcessMonitor.builder()
                .pid(p.pid())
                .jvm(false)
                .interval(Duration.ofMillis(20))
                .sink(sink)
                .start();
        try {
            sleep(150);
            p.destroy();
            p.waitFor();
            sleep(150); // several ticks find the target gone
        } finally {
            m.close();
        }
        List<ParsedLine> lines = sink.parsed();
        assertThat(lines.get(0).marker()).isEqualTo(LogFormat.MARKER_START);
        ParsedLine stop = lines.get(lines.size() - 1);
        assertThat(stop.marker()).isEqualTo(LogFormat.MARKER_STOP);
        assertThat(stop.values()).containsEntry("pid", Long.toString(p.pid())).doesNotContainKey("jvm");
        assertThat(stop.number("memory_info.rss")).isPositive();
        assertThat(m.failedSamples()).isPositive();
        assertThat(logged.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void includeChildrenWritesHowManyProcessesWereSummed() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 30 & sleep 30 & wait").start();
        try {
            try (ProcessMonitor m = ProcessMonitor.builder()
                    .pid(shell.pid())
                    .jvm(false)
                    .includeChildren(true)
                    .interval(Duration.ofMillis(20))
                    .sink(sink)
                    .start()) {
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (sink.parsed().stream().noneMatch(l -> l.number("num_procs") >= 3)
                        && System.nanoTime() < deadline) {
                    sleep(20);
                }
            }
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly().waitFor();
        }
        List<ParsedLine> lines = sink.parsed();
        assertThat(lines).allSatisfy(l -> assertThat(l.number("num_procs")).isGreaterThanOrEqualTo(1));
        assertThat(lines).anySatisfy(l -> assertThat(l.number("num_procs")).isEqualTo(3));
    }
}
