package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.Timespan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JFR recordings made by this JVM with the JDK's own recorder, converted into log lines. */
class JfrLogTest {

    @TempDir
    Path dir;

    private static final List<byte[]> HELD = new ArrayList<>();

    private Path record(Runnable during) throws IOException, InterruptedException {
        Path file = dir.resolve("test.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(50));
            r.enable("jdk.JavaThreadStatistics").withPeriod(Duration.ofMillis(50));
            r.enable("jdk.GCHeapSummary");
            r.enable("jdk.GarbageCollection");
            r.enable("jdk.JVMInformation");
            r.enable("jdk.CPUInformation");
            r.enable("profiler.ProcessSample");
            r.start();
            during.run();
            Thread.sleep(300);
            r.stop();
            r.dump(file);
        }
        return file;
    }

    private static List<ParsedLine> lines(String text) {
        return text.lines().map(ParsedLine::parse).toList();
    }

    @Test
    void heapBeforeAndAfterEachGcCpuThreadsAndEveryPauseAsALabel() throws Exception {
        Path jfr = record(() -> {
            for (int i = 0; i < 64; i++) {
                HELD.add(new byte[1 << 20]);
            }
            System.gc();
            HELD.clear();
            System.gc();
        });
        StringWriter out = new StringWriter();
        JfrLog.Conversion c = JfrLog.convert(jfr, out, Duration.ZERO);
        List<ParsedLine> lines = lines(out.toString());
        assertThat(c.lines()).isEqualTo(lines.size()).isGreaterThan(4);
        assertThat(c.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(lines.get(0).marker()).isEqualTo(LogFormat.MARKER_START);
        assertThat(lines.get(lines.size() - 1).marker()).isEqualTo(LogFormat.MARKER_STOP);
        assertThat(lines).allMatch(l -> l.values().get("pid").equals(Long.toString(c.pid())));
        List<String> labels = lines.stream()
                .map(l -> l.values().get("label"))
                .filter(Objects::nonNull)
                .toList();
        assertThat(labels)
                .hasSize(c.labels())
                .hasSizeGreaterThanOrEqualTo(2)
                .allMatch(l -> l.startsWith("GC pause "))
                .anyMatch(l -> l.contains("System.gc()"));
        List<Double> heap = lines.stream()
                .map(l -> l.values().get("jvm.heap_used"))
                .filter(Objects::nonNull)
                .map(Double::valueOf)
                .toList();
        assertThat(heap.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .as("the 64 MB before the second collection")
                .isGreaterThan(64.0 * (1 << 20));
        assertThat(heap.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .isLessThan(64.0 * (1 << 20));
        assertThat(lines).anyMatch(l -> l.values().containsKey("jvm.threads"));
        double cpu = -1;
        for (ParsedLine l : lines) {
            if (l.values().containsKey("cpu_times.user")) {
                double now = Double.parseDouble(l.values().get("cpu_times.user"));
                assertThat(now).isGreaterThanOrEqualTo(cpu);
                cpu = now;
            }
        }
        assertThat(cpu).as("cumulative CPU").isPositive();
        if (Runtime.version().feature() < 21) {
            assertThat(c.lacking()).anyMatch(l -> l.startsWith("RSS"));
            assertThat(lines).noneMatch(l -> l.values().containsKey("memory_info.rss"));
        }
        assertThat(JfrLog.describe(c)).startsWith("JFR recording of pid " + c.pid() + ", " + c.lines() + " lines");
    }

    @Test
    void aLongThresholdLeavesShortPausesOut() throws Exception {
        Path jfr = record(System::gc);
        StringWriter out = new StringWriter();
        JfrLog.Conversion c = JfrLog.convert(jfr, out, Duration.ofHours(1));
        assertThat(c.labels()).isZero();
        assertThat(out.toString()).doesNotContain("\"label\"");
    }

    /** The shape of async-profiler's process sample, as its JFR writer declares it. */
    @Name("profiler.ProcessSample")
    static final class ProcessSample extends Event {
        int pid;
        long vmRss;

        @Timespan(Timespan.SECONDS)
        float cpuUser;

        @Timespan(Timespan.SECONDS)
        float cpuSystem;

        long minorFaults;
        long majorFaults;
    }

    @Test
    void asyncProfilersProcessSamplesGiveRssAndOtherProcesses() throws Exception {
        long self = ProcessHandle.current().pid();
        Path jfr = record(() -> {
            for (int i = 1; i <= 3; i++) {
                for (long pid : new long[] {self, 4242}) {
                    ProcessSample s = new ProcessSample();
                    s.pid = (int) pid;
                    s.vmRss = i * 1_000_000L;
                    s.cpuUser = i * 0.5f;
                    s.cpuSystem = 0.25f;
                    s.minorFaults = 10L * i;
                    s.majorFaults = i;
                    s.commit();
                }
            }
        });
        StringWriter out = new StringWriter();
        JfrLog.Conversion c = JfrLog.convert(jfr, out, Duration.ofHours(1));
        assertThat(c.lacking()).noneMatch(l -> l.startsWith("RSS"));
        List<ParsedLine> other = lines(out.toString()).stream()
                .filter(l -> l.values().get("pid").equals("4242"))
                .toList();
        assertThat(other).hasSize(3);
        assertThat(other.get(2).values())
                .containsEntry("memory_info.rss", "3000000")
                .containsEntry("cpu_times.user", "1.5")
                .containsEntry("memory_info.pfaults", "33")
                .containsEntry("memory_info.pageins", "3")
                .doesNotContainKey("jvm.heap_used");
        assertThat(lines(out.toString()).stream()
                        .filter(l -> l.values().get("pid").equals(Long.toString(self))))
                .anyMatch(l -> "3000000".equals(l.values().get("memory_info.rss")));
    }

    @Test
    void aFileThatIsNotARecordingIsAnIoException() throws IOException {
        Path notJfr = Files.writeString(dir.resolve("x.jfr"), "ProcessLoggingThread-JSON {}\n");
        assertThatThrownBy(() -> JfrLog.convert(notJfr, new StringWriter(), Duration.ZERO))
                .isInstanceOf(IOException.class);
    }
}
