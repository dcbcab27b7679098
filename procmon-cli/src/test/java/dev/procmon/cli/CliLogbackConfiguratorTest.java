package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The CLI's logging, configured in code: WARN and above on stderr as {@code logger: message}. */
class CliLogbackConfiguratorTest {

    @Test
    void warningsGoToStderrAsLoggerColonMessageAndInfoIsQuiet() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        new CliLogbackConfigurator().configure(context);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            context.getLogger("procmon").warn("cannot sample pid {} ({})", 42, "gone");
            context.getLogger("procmon").info("not shown");
        } finally {
            System.setErr(old);
            context.stop();
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("procmon: cannot sample pid 42 (gone)" + System.lineSeparator());
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
