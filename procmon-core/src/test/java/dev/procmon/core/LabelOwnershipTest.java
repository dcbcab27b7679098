package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, hole 7: whose labels are they. A label goes to every monitor of this process open when
 * it is queued; a monitor of another process never takes it; with none open it is refused.
 */
class LabelOwnershipTest {

    private static ProcessMonitor selfMonitor(CollectingSink sink) {
        return ProcessMonitor.builder()
                .interval(Duration.ofSeconds(30))
                .jvm(false)
                .sink(sink)
                .start();
    }

    private static List<String> labels(CollectingSink sink) {
        return sink.parsed().stream()
                .map(l -> l.values().get("label"))
                .filter(Objects::nonNull)
                .toList();
    }

    @Test
    void twoMonitorsOfThisProcessBothCarryEveryLabel() {
        CollectingSink a = new CollectingSink();
        CollectingSink b = new CollectingSink();
        try (ProcessMonitor first = selfMonitor(a);
                ProcessMonitor second = selfMonitor(b)) {
            for (int i = 0; i < 10; i++) {
                assertThat(ProcessMonitor.label("both " + i)).isTrue();
            }
        }
        List<String> expected = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> "both " + i)
                .toList();
        assertThat(labels(a)).isEqualTo(expected);
        assertThat(labels(b)).isEqualTo(expected);
    }

    @Test
    void aLabelWithNoMonitorOpenIsRefusedAndNotWrittenLater() {
        assertThat(ProcessMonitor.label("too early")).isFalse();
        CollectingSink sink = new CollectingSink();
        try (ProcessMonitor m = selfMonitor(sink)) {
            assertThat(ProcessMonitor.label("on time")).isTrue();
        }
        assertThat(ProcessMonitor.label("too late")).isFalse();
        assertThat(labels(sink)).containsExactly("on time");
    }

    @Test
    void aPhaseWritesAStartAndAnEndLabelLine() {
        CollectingSink sink = new CollectingSink();
        Phase outside = ProcessMonitor.phase("unseen");
        assertThat(outside.started()).isFalse();
        try (ProcessMonitor m = selfMonitor(sink)) {
            try (Phase indexing = ProcessMonitor.phase("indexing")) {
                assertThat(indexing.started()).isTrue();
                assertThat(indexing.name()).isEqualTo("indexing");
                ProcessMonitor.label("inside");
                indexing.close();
            }
            outside.close();
        }
        List<ParsedLine> lines = sink.parsed().stream()
                .filter(l -> l.values().containsKey("label"))
                .toList();
        assertThat(lines)
                .extracting(l -> l.values().get("label") + "/" + l.values().get("phase"))
                .containsExactly("indexing/start", "inside/null", "indexing/end", "unseen/end");
    }
}
