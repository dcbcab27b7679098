package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log read in parts, in a JVM of its own: what reaches the caller when a part cannot be read. */
class ReadInPartsIT {

    @Test
    void aPartThatRunsOutOfMemoryFailsTheReadAndIsNotTakenForAStopSignal(@TempDir Path dir) throws Exception {
        // 600,000 samples need more than the child's 48 MB heap: a part's thread runs out of memory.
        // The read must fail as a read on one thread fails, not plot a prefix "stopped by a signal".
        Path log = dir.resolve("big.log");
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= 600_000; i++) {
                w.write(LogLines.sample(7, i, 1000 + i, i / 10.0, null));
                w.write('\n');
            }
        }
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx48m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ReadInPartsMain.class.getName(),
                        log.toString())
                .redirectErrorStream(true)
                .start();
        try {
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).doesNotContain("stopped by a signal").contains("failed: java.lang.OutOfMemoryError");
            assertThat(out).as("no stack trace from a reading thread").doesNotContain("Exception in thread");
        } finally {
            child.destroyForcibly();
        }
    }
}
