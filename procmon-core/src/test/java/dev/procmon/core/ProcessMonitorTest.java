package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monitor against this real process: real /proc, real threads, real memory. */
class ProcessMonitorTest {

    private static final List<String> REQUIRED = List.of(
            "timestamp",
            "memory_info.rss",
            "memory_info.vms",
            "memory_info.pfaults",
            "memory_info.pageins",
            "cpu_times.user",
            "cpu_times.system",
            "cpu_times.children_user",
            "cpu_times.children_system",
            "elapsed_time",
            "pid",
            "jvm.heap_used",
            "jvm.heap_committed",
            "jvm.non_heap_used",
            "jvm.gc_count",
            "jvm.gc_time",
            "jvm.threads");

    private final CollectingSink sink = new CollectingSink();

    private ProcessMonitor monitor(long millis) {
        return ProcessMonitor.builder()
                .interval(Duration.ofMillis(millis))
                .sink(sink)
                .start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void rssAndPageFaultsRiseWhileTheTestTouches200Megabytes() {
        // Off-heap, so the pages are fresh ones: heap pages may already be resident from earlier tests.
        java.nio.ByteBuffer[] blocks = new java.nio.ByteBuffer[200];
        try (ProcessMonitor m = monitor(50)) {
            sleep(200);
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = java.nio.ByteBuffer.allocateDirect(1 << 20);
                for (int j = 0; j < blocks[i].capacity(); j += 4096) {
                    blocks[i].put(j, (byte) j);
                }
            }
            sleep(500);
        }
        List<ParsedLine> lines = sink.parsed();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(8);
        double firstRss = lines.get(0).number("memory_info.rss");
        double peakRss = lines.stream()
                .mapToDouble(l -> l.number("memory_info.rss"))
                .max()
                .orElseThrow();
        assertThat(peakRss - firstRss)
                .as("rss rise while %d blocks are held", blocks.length)
                .isGreaterThanOrEqualTo(150.0 * (1 << 20));
        assertThat(lines.get(lines.size() - 1).number("memory_info.pfaults"))
                .isGreaterThan(lines.get(0).number("memory_info.pfaults") + 150 * 256);
    }

    @Test
    void userTimeRisesDuringABusyLoop() {
        // Spin until this thread has itself used 0.5 s of CPU (however long a loaded machine takes),
        // so the assertion is about CPU accounting, not about how fast the machine is today.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        try (ProcessMonitor m = monitor(50)) {
            long cpuEnd = threads.getCurrentThreadCpuTime() + 500_000_000L;
            long wallLimit = System.nanoTime() + 60_000_000_000L;
            while (threads.getCurrentThreadCpuTime() < cpuEnd && System.nanoTime() < wallLimit) {
                for (int i = 0; i < 10_000; i++) {
                    sum += Long.bitCount(sum * 31 + i);
                }
            }
        }
        List<ParsedLine> lines = sink.parsed();
        double cpu0 = lines.get(0).number("cpu_times.user") + lines.get(0).number("cpu_times.system");
        ParsedLine last = lines.get(lines.size() - 1);
        assertThat(last.number("cpu_times.user") + last.number("cpu_times.system") - cpu0)
                .as("process cpu seconds after this thread spun for 0.5 s of cpu (%d)", sum)
                .isGreaterThanOrEqualTo(0.45);
        assertThat(last.number("cpu_times.user")).isGreaterThan(lines.get(0).number("cpu_times.user"));
    }

    @Test
    void everyLineCarriesEveryKeyAndTheMarkersFrameTheRun() {
        try (ProcessMonitor m = monitor(20)) {
            sleep(200);
        }
        List<ParsedLine> lines = sink.parsed();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
        assertThat(lines.get(0).marker()).isEqualTo(LogFormat.MARKER_START);
        assertThat(lines.get(lines.size() - 1).marker()).isEqualTo(LogFormat.MARKER_STOP);
        long pid = ProcessHandle.current().pid();
        double uptime =
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        for (ParsedLine line : lines) {
            assertThat(line.values()).containsKeys(REQUIRED.toArray(String[]::new));
            assertThat(line.values().get("pid")).isEqualTo(Long.toString(pid));
            assertThat(line.values().get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        }
        // elapsed_time counts from the process start, so it is about the JVM's uptime, not ~0.
        assertThat(lines.get(lines.size() - 1).number("elapsed_time"))
                .isCloseTo(uptime, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void labelsQueuedBeforeASampleEachGetTheirOwnLine() {
        try (ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofSeconds(30))
                .sink(sink)
                .start()) {
            sleep(100);
            ProcessMonitor.label("String of 123,456,789 bytes");
            ProcessMonitor.label("second");
            ProcessMonitor.label("third \"quoted\"");
        }
        List<ParsedLine> lines = sink.parsed();
        // START, then the close: three labels, the last carried by the STOP line.
        assertThat(lines)
                .extracting(ParsedLine::marker)
                .containsExactly(LogFormat.MARKER_START, LogFormat.MARKER, LogFormat.MARKER, LogFormat.MARKER_STOP);
        assertThat(lines.subList(1, 4))
                .extracting(l -> l.values().get("label"))
                .containsExactly("String of 123,456,789 bytes", "second", "third \"quoted\"");
        assertThat(lines.subList(1, 4))
                .extracting(l -> l.values().get("memory_info.rss"))
                .containsOnly(lines.get(1).values().get("memory_info.rss"));
    }

    @Test
    void aHostileLabelStaysOneLine() {
        String hostile =
                "\"}\n2026-11-24 14:10:06,051 - - 1 - (ProcMon   ) - INFO     - ProcessLoggingThread-JSON {\"rss\": 1}";
        try (ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofSeconds(30))
                .sink(sink)
                .start()) {
            ProcessMonitor.label(hostile);
        }
        List<String> raw = sink.lines();
        assertThat(raw).allSatisfy(l -> assertThat(l).doesNotContain("\n"));
        assertThat(sink.parsed()).extracting(l -> l.values().get("label")).contains(hostile);
    }

    @Test
    void aFullLabelQueueCountsWhatItDropsAndReportsItOnTheNextLine() {
        try (ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofSeconds(30))
                .sink(sink)
                .start()) {
            sleep(100);
            for (int i = 0; i < LabelQueue.CAPACITY; i++) {
                assertThat(ProcessMonitor.label("l" + i)).isTrue();
            }
            assertThat(ProcessMonitor.label("one too many")).isFalse();
            assertThat(ProcessMonitor.label("two too many")).isFalse();
        }
        List<ParsedLine> lines = sink.parsed();
        assertThat(lines.get(1).values()).containsEntry("labels_dropped", "2").containsEntry("label", "l0");
        assertThat(lines).filteredOn(l -> l.values().containsKey("label")).hasSize(LabelQueue.CAPACITY);
    }

    @Test
    void noThreadIsLeftAfterCloseAndTheThreadWasADaemonNamedProcMon() {
        Thread seen;
        try (ProcessMonitor m = monitor(10)) {
            sleep(50);
            seen = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals(ProcessMonitor.THREAD_NAME))
                    .findFirst()
                    .orElseThrow();
            assertThat(seen.isDaemon()).isTrue();
        }
        assertThat(seen.isAlive()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals(ProcessMonitor.THREAD_NAME));
    }

    @Test
    void closeIsIdempotentAndWritesOneStopLine() {
        ProcessMonitor m = monitor(1000);
        m.close();
        m.close();
        assertThat(sink.parsed())
                .extracting(ParsedLine::marker)
                .containsExactly(LogFormat.MARKER_START, LogFormat.MARKER_STOP);
    }
}
