package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, hole 5: arguments out of range fail in the builder, and a failing start leaks nothing. */
class BuilderRangeTest {

    @TempDir
    Path dir;

    @Test
    void anAbsurdIntervalIsAnIllegalArgumentFromTheBuilder() {
        assertThatThrownBy(() -> ProcessMonitor.builder().interval(Duration.ofDays(365_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> ProcessMonitor.start(Duration.ofDays(365_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessMonitor.builder().interval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ProcessMonitor.builder().interval(Duration.ofDays(365))).isNotNull();
    }

    @Test
    void anIntervalBelowTenMillisecondsIsRejectedNamingTheOption() {
        for (Duration tooShort : new Duration[] {Duration.ofNanos(1), Duration.ofMillis(1), Duration.ofMillis(9)}) {
            assertThatThrownBy(() -> ProcessMonitor.builder().interval(tooShort))
                    .as("%s", tooShort)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("interval")
                    .hasMessageContaining("at least 10 ms");
            assertThatThrownBy(() -> ProcessMonitor.start(tooShort)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ProcessMonitor.builder().interval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval");
        assertThat(ProcessMonitor.builder().interval(Duration.ofMillis(10))).isNotNull();
    }

    @Test
    void aStartThatFailsClosesWhatItOpened() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("not-a-file"));
        long before = -1;
        // One round first: the first start loads classes and may open the JVM's own descriptors.
        for (int i = 0; i < 21; i++) {
            if (i == 1) {
                before = openDescriptors();
            }
            assertThatThrownBy(() -> ProcessMonitor.builder().file(directory).start())
                    .isInstanceOf(UncheckedIOException.class);
            // Whatever it throws (the old code: ArithmeticException after opening), nothing stays open.
            assertThatThrownBy(() -> ProcessMonitor.start(Duration.ofDays(365_000)))
                    .isInstanceOf(RuntimeException.class);
        }
        assertThat(openDescriptors()).isLessThanOrEqualTo(before);
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
