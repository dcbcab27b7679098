package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, hole 7: whose labels are they. A label goes to every monitor of this process open when
 * it is queued; a monitor of another process never takes it; with none open it is refused.
 */
class LabelOwnershipIT {

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
    void aMonitorOfAnotherProcessNeverTakesThisProcesssLabels() throws Exception {
        Process child = new ProcessBuilder("sleep", "60").start();
        try {
            CollectingSink other = new CollectingSink();
            CollectingSink own = new CollectingSink();
            try (ProcessMonitor ofChild = ProcessMonitor.builder()
                    .pid(child.pid())
                    .interval(Duration.ofMillis(10))
                    .sink(other)
                    .start()) {
                assertThat(ProcessMonitor.label("nobody's"))
                        .as("only a monitor of another process is open")
                        .isFalse();
                try (ProcessMonitor ofSelf = selfMonitor(own)) {
                    for (int i = 0; i < 20; i++) {
                        assertThat(ProcessMonitor.label("mine " + i)).isTrue();
                    }
                    Thread.sleep(50);
                }
            }
            assertThat(labels(other)).isEmpty();
            assertThat(labels(own)).hasSize(20);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
