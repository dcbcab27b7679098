package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A single process's line has no process count (the other process itself: {@link ProcessMonitorOtherProcessIT}). */
class ProcessMonitorOtherProcessTest {

    private final CollectingSink sink = new CollectingSink();

    @Test
    void withoutIncludeChildrenTheLineHasNoProcessCount() {
        try (ProcessMonitor m = ProcessMonitor.builder()
                .jvm(false)
                .interval(Duration.ofSeconds(30))
                .sink(sink)
                .start()) {
            // START and STOP only
        }
        assertThat(sink.parsed()).allSatisfy(l -> assertThat(l.values()).doesNotContainKey("num_procs"));
    }
}
