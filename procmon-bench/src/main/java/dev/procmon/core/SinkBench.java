package dev.procmon.core;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.LoggerFactory;

/**
 * Issue 7, item 1, the part reported apart from the 0 B/op budget: what writing one formatted line
 * costs in each sink. {@code fileSink} is the allocation-free file sink (to /dev/null: one write
 * call). {@code slf4jLogback} is the default sink through logback with a typical pattern into a
 * discarding stream: the String the SLF4J API needs plus the backend's own event and encoding.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SinkBench {

    private final StringBuilder line = new StringBuilder();
    private LineSink file;
    private LineSink slf4j;
    private LineEmitter emitter;
    private final ProcessReading reading = new ProcessReading();
    private OutputStreamAppender<ILoggingEvent> appender;

    @Setup(Level.Trial)
    public void open() throws IOException {
        ProcessReading s = new ProcessReading();
        s.pid = 4242;
        s.rssBytes = 212_344_832;
        s.vmsBytes = 4_000_000_000L;
        s.pageFaults = 81_234;
        s.majorFaults = 12;
        s.userMicros = 12_427_716;
        s.systemMicros = 1_030_000;
        s.childrenUserMicros = 0;
        s.childrenSystemMicros = 0;
        s.hasJvm = true;
        s.heapUsed = 100_000_000;
        s.heapCommitted = 268_435_456;
        s.nonHeapUsed = 61_234_567;
        s.gcCount = 17;
        s.gcMillis = 230;
        s.threads = 23;
        reading.pid = s.pid;
        reading.rssBytes = s.rssBytes;
        reading.userMicros = s.userMicros;
        emitter = new LineEmitter(
                new SampleLineWriter(ZoneId.systemDefault()),
                new GuardedSink(LineSink.file(Path.of("/dev/null"))),
                new LabelQueue(),
                MonitorClock.SYSTEM,
                new LatestSample());
        line.append(new SampleLineWriter(ZoneId.systemDefault())
                .format(LogFormat.MARKER, s, System.currentTimeMillis() * 1000, 12_000_000_000L, null, 0));

        file = LineSink.file(Path.of("/dev/null"));

        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger - %msg%n");
        encoder.start();
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(OutputStream.nullOutputStream());
        appender.start();
        Logger logger = context.getLogger("procmon.bench");
        logger.setAdditive(false);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(appender);
        slf4j = LineSink.slf4j(logger, org.slf4j.event.Level.INFO);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        file.close();
        appender.stop();
    }

    @Benchmark
    public void fileSink() throws IOException {
        file.write(line);
    }

    /**
     * The monitor's write path of one tick without labels, as the ProcMon thread runs it: the
     * emitter formats the line and writes it through the guarded file sink (prefix included).
     */
    @Benchmark
    public void emitToFile() {
        emitter.emit(reading, 1_790_000_000_000_000L, 12_000_000_000L, Long.MAX_VALUE);
    }

    @Benchmark
    public void slf4jLogback() throws IOException {
        slf4j.write(line);
    }
}
