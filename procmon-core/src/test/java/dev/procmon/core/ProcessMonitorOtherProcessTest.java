package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The monitor pointed at another process, which ends the way such recordings end: the target exits. */
class ProcessMonitorOtherProcessTest {

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
    void withoutIncludeChildrenTheLineHasNoProcessCount() {
        try (ProcessMonitor m = ProcessMonitor.builder()
                .jvm(false)
                .interval(Duration.ofSeconds(30))
                .sink(sink)
                .start()) {
            // START and STOP only
        }
        assertThat(sink.parsed()).allSatisfy(l -> assertThat(l.values()).doesNotContainKey("num_procs"));
    }
}
