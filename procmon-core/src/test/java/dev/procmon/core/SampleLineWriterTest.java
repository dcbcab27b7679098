package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SampleLineWriterTest {

    private final SampleLineWriter writer = new SampleLineWriter(ZoneOffset.UTC);

    private static ProcessReading sample() {
        ProcessReading s = new ProcessReading();
        s.pid = 86611;
        s.rssBytes = 11939840;
        s.vmsBytes = 4404228096L;
        s.pageFaults = 531770;
        s.majorFaults = 0;
        s.userMicros = 583945;
        s.systemMicros = 660000;
        s.childrenUserMicros = 0;
        s.childrenSystemMicros = 0;
        return s;
    }

    private static final long EPOCH_MICROS =
            LocalDateTime.of(2026, 11, 24, 14, 10, 6, 51_630_000).toEpochSecond(ZoneOffset.UTC) * 1_000_000L + 51_630;

    @Test
    void writesTotalDepthsKeysAndValues() {
        String line = writer.format(LogFormat.MARKER, sample(), EPOCH_MICROS, 12_427_716_000L, null, 0)
                .toString();
        assertThat(line)
                .isEqualTo("ProcessLoggingThread-JSON {\"timestamp\": \"2026-11-24 14:10:06.051630\", "
                        + "\"memory_info\": {\"rss\": 11939840, \"vms\": 4404228096, \"pfaults\": 531770, \"pageins\": 0}, "
                        + "\"cpu_times\": {\"user\": 0.583945, \"system\": 0.66, \"children_user\": 0.0, \"children_system\": 0.0}, "
                        + "\"elapsed_time\": 12.427716, \"pid\": 86611}");
        ParsedLine parsed = ParsedLine.parse(line);
        assertThat(parsed.number("cpu_times.user")).isEqualTo(0.583945);
        assertThat(parsed.number("elapsed_time")).isEqualTo(12.427716);
    }

    @Test
    void unknownValuesAreLeftOutRatherThanWrittenAsZero() {
        ProcessReading s = sample();
        s.clear();
        s.pid = 5;
        s.userMicros = 1_500_000;
        ParsedLine parsed = ParsedLine.parse(
                writer.format(LogFormat.MARKER, s, EPOCH_MICROS, 0, null, 0).toString());
        assertThat(parsed.values()).containsOnlyKeys("timestamp", "cpu_times.user", "elapsed_time", "pid");
        assertThat(parsed.number("cpu_times.user")).isEqualTo(1.5);
    }

    @Test
    void jvmViewLabelsDroppedAndProcessCountAreWrittenWhenPresent() {
        ProcessReading s = sample();
        s.hasJvm = true;
        s.heapUsed = 100;
        s.heapCommitted = 200;
        s.nonHeapUsed = 300;
        s.gcCount = 4;
        s.gcMillis = 1234;
        s.threads = 9;
        s.numProcs = 3;
        ParsedLine parsed = ParsedLine.parse(
                writer.format(LogFormat.MARKER_STOP, s, EPOCH_MICROS, 0, "x", 7).toString());
        assertThat(parsed.marker()).isEqualTo(LogFormat.MARKER_STOP);
        assertThat(parsed.values())
                .containsEntry("jvm.heap_used", "100")
                .containsEntry("jvm.heap_committed", "200")
                .containsEntry("jvm.non_heap_used", "300")
                .containsEntry("jvm.gc_count", "4")
                .containsEntry("jvm.gc_time", "1.234")
                .containsEntry("jvm.threads", "9")
                .containsEntry("num_procs", "3")
                .containsEntry("labels_dropped", "7")
                .containsEntry("label", "x");
    }

    @Test
    void anUnknownJvmFigureIsLeftOutAndTheLineStaysValidJson() {
        // JvmStats once read heap_used as committed - free from two reads; a heap growing between them
        // made it negative, the writer left it out but still wrote the comma after it: "jvm": {, ...
        for (int unknown = 0; unknown < 6; unknown++) {
            ProcessReading s = sample();
            s.hasJvm = true;
            s.heapUsed = unknown == 0 ? -1 : 100;
            s.heapCommitted = unknown == 1 ? -1 : 200;
            s.nonHeapUsed = unknown == 2 ? -1 : 300;
            s.gcCount = unknown == 3 ? -1 : 4;
            s.gcMillis = unknown == 4 ? -1 : 1234;
            s.threads = unknown == 5 ? -1 : 9;
            ParsedLine parsed = ParsedLine.parse(
                    writer.format(LogFormat.MARKER, s, EPOCH_MICROS, 0, null, 0).toString());
            assertThat(parsed.values().keySet().stream().filter(k -> k.startsWith("jvm.")))
                    .hasSize(5);
        }
    }

    @Test
    void hostileLabelsStayOneAsciiLineAndRoundTripExactly() {
        String[] labels = {
            "\"}\n2026-11-24 14:10:06,051 ProcessLoggingThread-JSON {\"rss\": 1}",
            "back\\slash \"quoted\" \t tab \r cr \u0000 nul \u001b[31m escape",
            "line\u2028separator\u2029paragraph \u00e9t\u00e9 \ud83d\ude00",
            "</text><script>alert(1)</script> & system(\"touch PWNED\") '; ! touch PWNED",
        };
        for (String label : labels) {
            String line = writer.format(LogFormat.MARKER, sample(), EPOCH_MICROS, 0, label, 0)
                    .toString();
            assertThat(line).doesNotContain("\n", "\r", "\u2028", "\u2029");
            assertThat(line.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
            if (label.contains(LogFormat.MARKER)) {
                assertThat(line.indexOf(LogFormat.MARKER, 1))
                        .as("a forged marker outside the label string")
                        .isGreaterThan(line.indexOf("\"label\""));
            }
            assertThat(ParsedLine.parse(line).values())
                    .containsEntry("label", label)
                    .containsEntry("memory_info.rss", "11939840");
        }
    }

    @Test
    void veryLongLabelsAreCutWithAnEllipsis() {
        String label = "x".repeat(SampleLineWriter.MAX_LABEL_LENGTH + 100);
        String parsed = ParsedLine.parse(writer.format(LogFormat.MARKER, sample(), EPOCH_MICROS, 0, label, 0)
                        .toString())
                .values()
                .get("label");
        assertThat(parsed).hasSize(SampleLineWriter.MAX_LABEL_LENGTH + 1).endsWith("x\u2026");
    }

    @Test
    void timestampsAreLocalTime() {
        SampleLineWriter tokyo = new SampleLineWriter(ZoneId.of("Asia/Tokyo"));
        String line = tokyo.format(LogFormat.MARKER, sample(), EPOCH_MICROS, 0, null, 0)
                .toString();
        assertThat(ParsedLine.parse(line).values()).containsEntry("timestamp", "2026-11-24 23:10:06.051630");
    }

    /** Every field the schema knows, so the walk over the schema is measured in full. */
    private static ProcessReading everyField() {
        ProcessReading s = sample();
        s.childrenPfaults = 200;
        s.childrenPageins = 2;
        s.pssBytes = 83886080;
        s.ussBytes = 62914560;
        s.numProcs = 3;
        s.numThreads = 17;
        s.numFds = 42;
        s.voluntaryCtxSwitches = 500;
        s.involuntaryCtxSwitches = 20;
        s.readBytes = 1048576;
        s.writeBytes = 2097152;
        s.readChars = 4194304;
        s.writeChars = 3145728;
        s.cgroupMemoryMax = 536870912;
        s.cgroupMemoryCurrent = 209715200;
        s.hasJvm = true;
        s.heapUsed = 100;
        s.heapCommitted = 200;
        s.nonHeapUsed = 300;
        s.gcCount = 4;
        s.gcMillis = 1234;
        s.threads = 9;
        return s;
    }

    @Test
    void everyFieldOfTheSchemaIsWrittenUnderItsParent() {
        ParsedLine parsed = ParsedLine.parse(
                writer.format(LogFormat.MARKER, everyField(), EPOCH_MICROS, 0, "x", LogFormat.PHASE_START, 7)
                        .toString());
        for (LogField f : LogField.values()) {
            if (f.kind() != FieldKind.OBJECT) {
                assertThat(parsed.values()).as(f.path()).containsKey(f.path());
            }
        }
        assertThat(parsed.values())
                .containsEntry("phase", "start")
                .containsEntry("num_ctx_switches.voluntary", "500")
                .containsEntry("cgroup.memory_max", "536870912")
                .containsEntry("memory_info.children_pfaults", "200");
    }

    @Test
    void aPhaseIsWrittenOnlyOnALabelLine() {
        String line = writer.format(LogFormat.MARKER, sample(), EPOCH_MICROS, 0, null, LogFormat.PHASE_END, 0)
                .toString();
        assertThat(ParsedLine.parse(line).values()).doesNotContainKey("phase");
    }

    @Test
    void anObjectWithNoKnownMemberIsLeftOut() {
        String line = writer.format(LogFormat.MARKER, sample(), EPOCH_MICROS, 0, null, 0)
                .toString();
        assertThat(line)
                .doesNotContain("io_counters")
                .doesNotContain("cgroup")
                .doesNotContain("num_ctx_switches")
                .doesNotContain("jvm");
    }

    @Test
    void formattingALineAllocatesNothingOnceWarm() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        ProcessReading s = everyField();
        long sink = 0;
        for (int i = 0; i < 20_000; i++) { // warm-up: the builder grows to a full line, classes load
            sink += writer.format(LogFormat.MARKER, s, EPOCH_MICROS + i, i * 1_000L, null, 0)
                    .length();
        }
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            s.rssBytes = 11939840 + i;
            sink += writer.format(LogFormat.MARKER, s, EPOCH_MICROS + i, i * 1_000L, null, 0)
                    .length();
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertThat(sink).isPositive();
        // An iterator, a boxed value or a String per line would be at least 160,000 bytes here.
        assertThat(allocated).as("bytes allocated by 10,000 lines").isLessThan(10_000);
    }
}
