package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, hole 9: with no SLF4J provider bound, SLF4J discards everything; the monitor must say
 * so once and write its lines to stderr, so {@code --log-process} is never a silent no-op.
 * A real child JVM whose class path is this one without Logback.
 */
class NoProviderIT {

    @TempDir
    Path dir;

    @Test
    void withoutAProviderTheLinesGoToStderrAfterOneNotice() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("logback"))
                .collect(Collectors.joining(File.pathSeparator));
        Path err = dir.resolve("stderr");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath,
                        NoProviderMain.class.getName())
                .redirectError(err.toFile())
                .redirectOutput(dir.resolve("stdout").toFile())
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(err);
        assertThat(child.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines)
                .filteredOn(l -> l.contains("no SLF4J provider"))
                .as(String.join("\n", lines))
                .hasSize(1);
        List<ParsedLine> samples = lines.stream()
                .filter(l -> l.contains(LogFormat.MARKER))
                .map(ParsedLine::parse)
                .toList();
        assertThat(samples)
                .extracting(ParsedLine::marker)
                .contains(LogFormat.MARKER_START, LogFormat.MARKER_STOP)
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(samples).extracting(l -> l.values().get("label")).contains("no provider");
    }
}
