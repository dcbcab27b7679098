package dev.procmon.plot;

import static dev.procmon.plot.Fixtures.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.FieldKind;
import dev.procmon.core.LogField;
import dev.procmon.core.LogFormat;
import dev.procmon.core.WrittenLine;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fixture {@code every-field.log} has every field the schema knows; it is read field for field.
 * Adding a field to {@link LogField} without adding it here and to the fixture fails this test.
 */
class EveryFieldLogTest {

    /** The first line's values, by dotted path, in the log's units. */
    private static final Map<String, Double> FIRST = new LinkedHashMap<>();

    static {
        FIRST.put("memory_info.rss", 104857600.0);
        FIRST.put("memory_info.vms", 2147483648.0);
        FIRST.put("memory_info.pfaults", 1000.0);
        FIRST.put("memory_info.pageins", 10.0);
        FIRST.put("memory_info.children_pfaults", 200.0);
        FIRST.put("memory_info.children_pageins", 2.0);
        FIRST.put("memory_info.pss", 83886080.0);
        FIRST.put("memory_info.uss", 62914560.0);
        FIRST.put("cpu_times.user", 1.5);
        FIRST.put("cpu_times.system", 0.5);
        FIRST.put("cpu_times.children_user", 0.25);
        FIRST.put("cpu_times.children_system", 0.125);
        FIRST.put("elapsed_time", 2.0);
        FIRST.put("pid", 4242.0);
        FIRST.put("num_procs", 3.0);
        FIRST.put("num_threads", 17.0);
        FIRST.put("num_fds", 42.0);
        FIRST.put("num_ctx_switches.voluntary", 500.0);
        FIRST.put("num_ctx_switches.involuntary", 20.0);
        FIRST.put("io_counters.read_bytes", 1048576.0);
        FIRST.put("io_counters.write_bytes", 2097152.0);
        FIRST.put("io_counters.read_chars", 4194304.0);
        FIRST.put("io_counters.write_chars", 3145728.0);
        FIRST.put("cgroup.memory_max", 536870912.0);
        FIRST.put("cgroup.memory_current", 209715200.0);
        FIRST.put("jvm.heap_used", 52428800.0);
        FIRST.put("jvm.heap_committed", 134217728.0);
        FIRST.put("jvm.non_heap_used", 31457280.0);
        FIRST.put("jvm.gc_count", 4.0);
        FIRST.put("jvm.gc_time", 0.04);
        FIRST.put("jvm.threads", 14.0);
        FIRST.put("labels_dropped", 1.0);
    }

    @Test
    void everyNumberOfTheSchemaIsAColumnWithItsValue() throws Exception {
        ParsedLog parsed = LogReader.read(List.of(log("every-field.log")), ProgressListener.NONE);
        assertThat(parsed.malformedLines()).isZero();
        SampleTable t = parsed.tables().get(0);
        assertThat(t.size()).isEqualTo(2);

        List<String> numbers = Arrays.stream(LogField.values())
                .filter(LogField::isNumber)
                .map(LogField::path)
                .toList();
        assertThat(FIRST.keySet()).containsExactlyInAnyOrderElementsOf(numbers);
        for (LogField f : LogField.values()) {
            if (f.isNumber()) {
                assertThat(t.has(f)).as(f.path()).isTrue();
                assertThat(t.get(f, 0)).as(f.path()).isEqualTo(FIRST.get(f.path()));
            }
        }
        assertThat(t.get(LogField.CHILDREN_PFAULTS, 1)).isEqualTo(300);
        assertThat(t.get(LogField.LABELS_DROPPED, 1)).isNaN();
        assertThat(TimestampText.format(t.timestamp.get(1))).isEqualTo("2026-11-26T04:10:06.000000");
        assertThat(t.labels())
                .containsExactly(
                        new SampleTable.Label(0, "indexing", LogFormat.PHASE_START),
                        new SampleTable.Label(1, "indexing", LogFormat.PHASE_END));
    }

    @Test
    void theFixtureIsWhatTheWriterWrites() throws Exception {
        Map<LogField, Long> values = new EnumMap<>(LogField.class);
        for (LogField f : LogField.values()) {
            if (f.isNumber() && f != LogField.LABELS_DROPPED) {
                double v = FIRST.get(f.path());
                values.put(f, f.kind() == FieldKind.SECONDS ? Math.round(v * 1e6) : (long) v);
            }
        }
        long epochMicros = LocalDateTime.of(2026, 11, 26, 4, 10, 5).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        String written = WrittenLine.format(values, epochMicros, "indexing", 1, LogFormat.PHASE_START);

        String fixture = Files.readAllLines(log("every-field.log")).get(0);
        assertThat(fixture.substring(fixture.indexOf(LogFormat.MARKER)))
                .isEqualTo(written.replace(LogFormat.MARKER, LogFormat.MARKER_START));
    }
}
