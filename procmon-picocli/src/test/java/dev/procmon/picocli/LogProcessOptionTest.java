package dev.procmon.picocli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.procmon.core.LogFormat;
import dev.procmon.core.ProcessMonitor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class LogProcessOptionTest {

    /** A user's command with the mixin, doing a little work under it. */
    @Command(name = "app")
    static final class App implements Callable<Integer> {
        @Mixin
        LogProcessOption logProcess;

        boolean monitored;

        @Override
        public Integer call() throws InterruptedException {
            try (var monitoring = logProcess.start()) {
                monitored = monitoring.monitor().isPresent();
                Thread.sleep(300);
            }
            return 0;
        }
    }

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger procmon = (Logger) LoggerFactory.getLogger(ProcessMonitor.DEFAULT_LOGGER);
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void capture() {
        lines.start();
        procmon.addAppender(lines);
    }

    @AfterEach
    void release() {
        procmon.detachAppender(lines);
    }

    private int run(App app, String... args) {
        return new CommandLine(app).setErr(new PrintWriter(err, true)).execute(args);
    }

    private List<String> sampleLines() {
        return lines.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith(LogFormat.MARKER))
                .toList();
    }

    @Test
    void withLogProcessTheCommandWritesSampleLinesToTheLog() {
        App app = new App();
        assertThat(run(app, "--log-process=0.05")).isZero();
        assertThat(app.monitored).isTrue();
        assertThat(sampleLines()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(sampleLines().get(0)).startsWith(LogFormat.MARKER_START + " {");
        assertThat(sampleLines().get(sampleLines().size() - 1)).startsWith(LogFormat.MARKER_STOP + " {");
        assertThat(lines.list).allMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.INFO);
    }

    @Test
    void withoutItOrWithZeroThereIsNoMonitorAndNoLine() {
        for (String[] args : new String[][] {{}, {"--log-process=0"}, {"--log-process", "0.0"}}) {
            App app = new App();
            assertThat(run(app, args)).isZero();
            assertThat(app.monitored).isFalse();
            assertThat(app.logProcess.enabled()).isFalse();
        }
        assertThat(sampleLines()).isEmpty();
    }

    @Test
    void aValidValueIsTheInterval() {
        App app = new App();
        new CommandLine(app).parseArgs("--log-process", "2.5");
        assertThat(app.logProcess.interval()).isEqualTo(Duration.ofMillis(2500));
        assertThat(app.logProcess.enabled()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "0.0099", "1e-9"})
    void anIntervalShorterThanTheMonitorTakesIsAUsageErrorNotAnExceptionInTheApplication(String value) {
        App app = new App();
        assertThat(run(app, "--log-process=" + value)).isEqualTo(2);
        assertThat(err.toString()).contains("--log-process").contains("shortest interval");
        assertThat(app.monitored).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.5", "NaN", "Infinity", "1e400", "abc", "0x10", "1.5s", ""})
    void negativeNonFiniteOrGarbageValuesAreUsageErrors(String value) {
        App app = new App();
        assertThat(run(app, "--log-process=" + value)).isEqualTo(2);
        assertThat(err.toString()).contains("--log-process").contains("seconds").contains("Usage: app");
        assertThat(app.monitored).isFalse();
    }

    @Test
    void theHelpDescribesTheOption() {
        String usage = new CommandLine(new App()).getUsageMessage().replaceAll("\\s+", " ");
        assertThat(usage)
                .contains("--log-process=SECONDS")
                .contains("Write process memory and CPU to the log every SECONDS; 0 = off (default: 0)");
    }
}
