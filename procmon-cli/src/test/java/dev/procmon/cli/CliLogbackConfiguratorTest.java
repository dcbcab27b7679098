package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The CLI's logging, configured in code: WARN and above on stderr as {@code logger: message}. */
class CliLogbackConfiguratorTest {

    /** What the CLI's configuration prints on stderr for what {@code logging} logs. */
    private static String stderrOf(Consumer<LoggerContext> logging) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        new CliLogbackConfigurator().configure(context);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            logging.accept(context);
        } finally {
            System.setErr(old);
            context.stop();
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void warningsGoToStderrAsLoggerColonMessageAndInfoIsQuiet() {
        String err = stderrOf(context -> {
            context.getLogger("procmon").warn("cannot sample pid {} ({})", 42, "gone");
            context.getLogger("procmon").info("not shown");
        });
        assertThat(err).isEqualTo("procmon: cannot sample pid 42 (gone)" + System.lineSeparator());
    }

    /**
     * procmon-core's own warnings go to its logger {@code procmon} and already start with {@code procmon: }
     * (they must stand alone in an application's log): the CLI printed them as {@code procmon: procmon: ...}.
     */
    @Test
    void aMessageThatAlreadyNamesItsLoggerIsNotPrefixedTwice() {
        String err = stderrOf(context -> {
            context.getLogger("procmon").warn("procmon: cannot read /proc ({}); using the JDK's portable view", "gone");
            context.getLogger("procmon").warn("procmonitor: is another word");
            context.getLogger("procmon.plot").warn("procmon: names a different logger");
        });
        assertThat(err.lines())
                .containsExactly(
                        "procmon: cannot read /proc (gone); using the JDK's portable view",
                        "procmon: procmonitor: is another word",
                        "procmon.plot: procmon: names a different logger");
    }

    @Test
    void logbackFindsItThroughTheServiceLoaderAndUsesIt() {
        assertThat(ServiceLoader.load(Configurator.class).stream()
                        .map(p -> p.type().getName()))
                .contains(CliLogbackConfigurator.class.getName());
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR"))
                .isNotNull();
    }
}
