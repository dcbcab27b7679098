package dev.procmon.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * Logback's configuration for the command line, in code: the CLI's own diagnostics, WARN and above,
 * to stderr as {@code logger: message}, so that stdout stays for results and recorded lines.
 *
 * <p>In code rather than in {@code logback.xml} because parsing the XML (Joran) cost about 120 ms of
 * CPU at every start, a third of what a whole short recording costs (issue 19). Public, with a public
 * constructor, because {@link java.util.ServiceLoader} (META-INF/services) requires it.
 */
public final class CliLogbackConfigurator extends ContextAwareBase implements Configurator {

    /** Called by Logback through {@link java.util.ServiceLoader}. */
    public CliLogbackConfigurator() {
        // Nothing to set up before configure().
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        // Logback's own status messages stay quiet, as <statusListener class="...NopStatusListener"/> did.
        context.getStatusManager().add(new NopStatusListener());
        LoggerAndMessage layout = new LoggerAndMessage();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * {@code %logger: %msg%n}, written out: compiling that pattern with Logback's parser costs more
     * at start-up than the one line it formats. A message that already starts with {@code logger: }
     * (procmon-core's warnings on its logger {@code procmon} read {@code procmon: ...}, so that they
     * stand alone in an application's log) is printed as it is, not as {@code procmon: procmon: ...}.
     */
    private static final class LoggerAndMessage extends LayoutBase<ILoggingEvent> {
        @Override
        public String doLayout(ILoggingEvent event) {
            String logger = event.getLoggerName();
            String message = event.getFormattedMessage();
            boolean prefixed = message.startsWith(logger)
                    && message.length() > logger.length() + 1
                    && message.charAt(logger.length()) == ':'
                    && message.charAt(logger.length() + 1) == ' ';
            return (prefixed ? message : logger + ": " + message) + CoreConstants.LINE_SEPARATOR;
        }
    }
}
