package dev.procmon.core;

import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The SLF4J sink with each sample's fields attached as SLF4J 2 key-value pairs ({@code
 * memory_info.rss=123456}), so a JSON encoder (Logback's {@code JsonEncoder},
 * logstash-logback-encoder, the ECS encoder) writes them as fields that Loki, Vector or Elastic
 * index without a regex. Opt-in ({@code builder().keyValues(true)}): it costs a snapshot and a
 * boxed value per field per line, where the plain SLF4J sink costs one String.
 */
final class KeyValueSink implements LineSink {

    private static final LogField[] FIELDS = LogField.values();

    private final Logger logger;
    private final Level level;
    private final LatestSample latest;

    KeyValueSink(Logger logger, Level level, LatestSample latest) {
        this.logger = logger;
        this.level = level;
        this.latest = latest;
    }

    @Override
    public void write(CharSequence line) {
        if (!logger.isEnabledForLevel(level)) {
            return;
        }
        LoggingEventBuilder event = logger.atLevel(level);
        MetricsSnapshot s = latest.snapshot();
        if (s != null) {
            event = event.addKeyValue(LogField.PID.path(), s.pid())
                    .addKeyValue(LogField.ELAPSED_TIME.path(), s.elapsedSeconds());
            for (LogField f : FIELDS) {
                double v = f == LogField.PID ? Double.NaN : s.get(f);
                if (!Double.isNaN(v)) {
                    event = event.addKeyValue(f.path(), f.kind() == FieldKind.SECONDS ? (Object) v : (Object) (long) v);
                }
            }
        }
        event.setMessage(line.toString()).log();
    }
}
