package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** {@code keyValues(true)}: each sample's fields reach a real Logback as SLF4J 2 key-value pairs. */
class KeyValueSinkTest {

    @Test
    void eachLineCarriesItsSamplesFieldsAsKeyValuePairs() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("procmon-kv-test");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(20))
                .loggerName("procmon-kv-test")
                .keyValues(true)
                .start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (appender.list.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            logger.detachAppender(appender);
        }
        ILoggingEvent event = appender.list.get(1);
        Map<String, Object> pairs =
                event.getKeyValuePairs().stream().collect(Collectors.toMap(p -> p.key, p -> p.value));
        assertThat(event.getFormattedMessage()).startsWith(LogFormat.MARKER + " {");
        assertThat(pairs).containsKeys("memory_info.rss", "cpu_times.user", "elapsed_time", "pid", "jvm.heap_used");
        assertThat(pairs.get("pid")).isEqualTo(ProcessHandle.current().pid());
        assertThat((Long) pairs.get("memory_info.rss")).isPositive();
        assertThat(pairs.get("cpu_times.user")).isInstanceOf(Double.class);
        // The value in the pair is the value in the line.
        assertThat(event.getFormattedMessage()).contains("\"rss\": " + pairs.get("memory_info.rss") + ",");

        // Logback's own JSON encoder writes them as fields.
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(logger.getLoggerContext());
        encoder.start();
        String json = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(json).contains("\"memory_info.rss\"");
        assertThat(event.getKeyValuePairs())
                .extracting((KeyValuePair p) -> p.key)
                .doesNotHaveDuplicates();
    }
}
