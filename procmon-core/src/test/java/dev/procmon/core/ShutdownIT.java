package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A child JVM leaves with a monitor open: the shutdown hook still writes the STOP line. */
class ShutdownIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"exit, 7", "return, 0"})
    void aJvmThatExitsWithAnOpenMonitorStillWritesTheStopLine(String how, int expectedExit)
            throws IOException, InterruptedException {
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExitingMain.class.getName(),
                        log.toString(),
                        how)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.out").toFile())
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS))
                .as("the child JVM ended by itself")
                .isTrue();
        assertThat(child.exitValue())
                .as(Files.readString(dir.resolve("child.out")))
                .isEqualTo(expectedExit);

        List<ParsedLine> lines =
                Files.readAllLines(log).stream().map(ParsedLine::parse).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines.get(0).marker()).isEqualTo(LogFormat.MARKER_START);
        assertThat(lines.get(lines.size() - 1).marker()).isEqualTo(LogFormat.MARKER_STOP);
        assertThat(lines).extracting(l -> l.values().get("label")).contains("about to leave by " + how);
        assertThat(lines).extracting(l -> l.values().get("pid")).containsOnly(Long.toString(child.pid()));
    }
}
