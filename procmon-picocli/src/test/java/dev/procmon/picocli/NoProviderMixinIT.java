package dev.procmon.picocli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.LogFormat;
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
 * Issue 11, point 9: {@code --log-process} in a program with no SLF4J provider on its class path
 * (a real child JVM, this class path without Logback) is not a silent no-op.
 */
class NoProviderMixinIT {

    @TempDir
    Path dir;

    @Test
    void logProcessWithoutAProviderWritesItsLinesToStderr() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("logback"))
                .collect(Collectors.joining(File.pathSeparator));
        Path err = dir.resolve("stderr");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath,
                        NoProviderApp.class.getName(),
                        "--log-process=0.05")
                .redirectError(err.toFile())
                .redirectOutput(dir.resolve("stdout").toFile())
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(err);
        assertThat(child.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).filteredOn(l -> l.contains("no SLF4J provider")).hasSize(1);
        List<String> samples =
                lines.stream().filter(l -> l.contains(LogFormat.MARKER)).toList();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(3);
        assertThat(samples.get(0)).contains(LogFormat.MARKER_START);
        assertThat(samples.get(samples.size() - 1)).contains(LogFormat.MARKER_STOP);
    }
}
