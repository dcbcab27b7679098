package dev.procmon.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import dev.procmon.core.ProcessMonitor;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import org.slf4j.LoggerFactory;

/**
 * The program {@code procmon demo} records: TotalDepth's demonstration, run in its own JVM so that
 * its heap settings make memory visibly come and go. Strings of random size are made, held for a
 * while of simulated work, and released; each is announced with a label. The log is written through
 * SLF4J and Logback in TotalDepth's layout, as any application using procmon would write it.
 */
final class DemoWorkload {

    /** TotalDepth's log layout; the pid is a literal since Logback has no converter for it. */
    static final String LAYOUT = "%d{\"yyyy-MM-dd HH:mm:ss,SSS\"} - - PID - \\(%-10.-10thread\\) - %-8level - %msg%n";

    private static long keepAlive;

    private DemoWorkload() {}

    /** Arguments: log file, seed, count, min MB, max MB, interval in nanoseconds. */
    public static void main(String[] args) throws InterruptedException {
        String log = args[0];
        Random random = new Random(Long.parseLong(args[1]));
        int count = Integer.parseInt(args[2]);
        int minMb = Integer.parseInt(args[3]);
        int maxMb = Integer.parseInt(args[4]);
        Duration interval = Duration.ofNanos(Long.parseLong(args[5]));
        configureLogging(log);
        org.slf4j.Logger demo = LoggerFactory.getLogger("demo");
        demo.info(
                "procmon demo: {} strings of {} to {} MB, sampled every {} s",
                count,
                minMb,
                maxMb,
                interval.toNanos() / 1e9);
        try (ProcessMonitor monitor = ProcessMonitor.start(interval)) {
            for (int i = 0; i < count; i++) {
                int size = (minMb + random.nextInt(maxMb - minMb + 1)) * 1024 * 1024;
                ProcessMonitor.label(String.format(Locale.ROOT, "String of %,d bytes", size));
                String s = " ".repeat(size);
                // Simulate 0.5 to 1.5 seconds of work while the string is held.
                Thread.sleep(500 + random.nextInt(1000));
                keepAlive += s.length();
                s = null;
                // Released: a collection gives the memory back (the JVM runs with small free ratios).
                System.gc();
                // Simulate 0.25 to 0.75 seconds of work.
                Thread.sleep(250 + random.nextInt(500));
            }
            demo.info("procmon demo: done, {} bytes made in all (pid {})", keepAlive, monitor.pid());
        }
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }

    private static void configureLogging(String file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(
                LAYOUT.replace("PID", Long.toString(ProcessHandle.current().pid())));
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setFile(file);
        appender.setAppend(false);
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
    }
}
