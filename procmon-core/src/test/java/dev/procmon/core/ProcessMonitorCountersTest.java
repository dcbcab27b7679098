package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monitor's lines carry the counters beyond the stat line, PSS only on request. */
class ProcessMonitorCountersTest {

    private static List<ParsedLine> record(MemoryDetail memory) {
        CollectingSink sink = new CollectingSink();
        ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofSeconds(1))
                .memory(memory)
                .sink(sink)
                .start();
        m.close();
        return sink.parsed();
    }

    @Test
    void theDefaultLineHasIoThreadsContextSwitchesDescriptorsAndTheCgroup() {
        ParsedLine first = record(MemoryDetail.RSS).get(0);
        assertThat(first.marker()).isEqualTo(LogFormat.MARKER_START);
        assertThat(first.number("io_counters.read_chars")).isPositive();
        assertThat(first.values())
                .containsKeys(
                        "io_counters.write_chars",
                        "io_counters.read_bytes",
                        "io_counters.write_bytes",
                        "memory_info.children_pfaults",
                        "memory_info.children_pageins",
                        "num_ctx_switches.voluntary",
                        "num_ctx_switches.involuntary",
                        "cgroup.memory_current");
        assertThat(first.number("num_threads")).isGreaterThan(1); // a JVM has several
        assertThat(first.number("num_fds")).isPositive();
        assertThat(first.values()).doesNotContainKeys("memory_info.pss", "memory_info.uss");
    }

    @Test
    void pssAndUssOnRequest() {
        ParsedLine first = record(MemoryDetail.PSS).get(0);
        assertThat(first.number("memory_info.pss")).isPositive();
        assertThat(first.number("memory_info.uss")).isPositive().isLessThanOrEqualTo(first.number("memory_info.pss"));
    }
}
