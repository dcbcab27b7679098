package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.FieldKind;
import dev.procmon.core.LogField;
import dev.procmon.core.LogFormat;
import dev.procmon.core.WrittenLine;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The schema end to end: a random sample written by core's writer is read back by both parsers
 * (Jackson's reference path and the fast path), every field equal to what was written, in the log's
 * units (bytes and counts as they are, seconds from the writer's microseconds).
 */
class SchemaRoundTripTest {

    /** Numbers the writer takes from a sample (labels_dropped is an argument of its own). */
    private static final List<LogField> SAMPLE_NUMBERS = java.util.Arrays.stream(LogField.values())
            .filter(f -> f.isNumber() && f != LogField.LABELS_DROPPED)
            .toList();

    record Written(Map<LogField, Long> values, long epochMicros, String label, long labelsDropped, String phase) {}

    @Property(tries = 500)
    void aWrittenSampleReadsBackFieldForFieldOnBothPaths(@ForAll("written") Written w) {
        String line = WrittenLine.format(w.values(), w.epochMicros(), w.label(), w.labelsDropped(), w.phase());
        assertThat(line).startsWith(LogFormat.MARKER + " {");
        byte[] json = line.substring(LogFormat.MARKER.length() + 1).getBytes(StandardCharsets.US_ASCII);

        Sample jackson = new Sample();
        assertThat(new SampleLineParser().parseWithJackson(json, 0, json.length, jackson))
                .as(line)
                .isTrue();
        Sample fast = new Sample();
        boolean fastOk = new SampleLineFastPath().parse(json, 0, json.length, fast);
        // The writer's own lines are what the fast path is for: it may defer only integers of 19 digits.
        if (w.values().values().stream().allMatch(v -> v < 1_000_000_000_000_000_000L)) {
            assertThat(fastOk).as(line).isTrue();
        }
        Sample combined = new Sample();
        assertThat(new SampleLineParser().parse(json, 0, json.length, combined)).isTrue();

        for (Sample read : fastOk ? new Sample[] {jackson, fast, combined} : new Sample[] {jackson, combined}) {
            for (LogField f : LogField.values()) {
                if (f.isNumber()) {
                    assertThat((Double) read.get(f))
                            .as("%s in %s", f.path(), line)
                            .isEqualTo((Double) expected(w, f));
                }
            }
            assertThat(read.timestampMicros).isEqualTo(w.epochMicros());
            assertThat(read.label).isEqualTo(w.label());
            assertThat(read.phase).isEqualTo(w.label() == null ? null : w.phase());
            assertThat(read.hasPid).isEqualTo(w.values().containsKey(LogField.PID));
            if (read.hasPid) {
                assertThat(read.pid).isEqualTo(w.values().get(LogField.PID));
            }
        }
    }

    /** What the log says for a field, in its unit; NaN where the writer leaves it out. */
    private static double expected(Written w, LogField f) {
        if (f == LogField.LABELS_DROPPED) {
            return w.labelsDropped() > 0 ? w.labelsDropped() : Double.NaN;
        }
        Long v = w.values().get(f);
        if (v == null) {
            return Double.NaN;
        }
        if (f == LogField.GC_TIME) {
            v = v / 1_000 * 1_000; // the JVM counts GC time in milliseconds
        }
        return f.kind() == FieldKind.SECONDS ? v / 1e6 : (double) v;
    }

    @Provide
    Arbitrary<Written> written() {
        Arbitrary<Map<LogField, Long>> values = Arbitraries.randomValue(r -> {
            Map<LogField, Long> m = new EnumMap<>(LogField.class);
            for (LogField f : SAMPLE_NUMBERS) {
                boolean required = f.required();
                if (!required && r.nextInt(3) == 0) {
                    continue;
                }
                m.put(f, value(f, r));
            }
            return m;
        });
        Arbitrary<String> labels = Arbitraries.strings().ofMaxLength(40).injectNull(0.4);
        Arbitrary<String> phases =
                Arbitraries.of(LogFormat.PHASE_START, LogFormat.PHASE_END).injectNull(0.5);
        return Combinators.combine(
                        values,
                        Arbitraries.longs().between(0, 4_102_444_800_000_000L),
                        labels,
                        Arbitraries.longs().between(0, 5).edgeCases(c -> c.includeOnly(0L)),
                        phases)
                .as(Written::new);
    }

    private static long value(LogField f, java.util.Random r) {
        if (f == LogField.NUM_PROCS || f == LogField.JVM_THREADS) {
            return 1 + r.nextInt(Integer.MAX_VALUE - 1);
        }
        if (f == LogField.PID) {
            return r.nextInt(4) == 0 ? r.nextLong() >>> 1 : r.nextInt(4_194_304);
        }
        if (f.kind() == FieldKind.SECONDS) {
            long micros = (long) (r.nextDouble() * Math.pow(10, r.nextInt(16)));
            return r.nextInt(8) == 0 ? micros / 1_000_000 * 1_000_000 : micros; // whole seconds too: "3.0"
        }
        // Any non-negative long: beyond 18 digits the fast path leaves the number to Jackson.
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(100);
            case 1 -> r.nextLong() >>> 1;
            default -> r.nextLong() >>> (1 + r.nextInt(63));
        };
    }
}
