package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, hole 3: {@code close()} (or {@code System.exit}) from inside the sink. */
class CloseFromSinkIT {

    @TempDir
    Path dir;

    private final CollectingSink sink = new CollectingSink();

    @Test
    void systemExitInTheSinkStillEndsWithTheStopLine() throws IOException, InterruptedException {
        Path log = dir.resolve("exit.log");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExitInSinkMain.class.getName(),
                        log.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.out").toFile())
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue())
                .as(Files.readString(dir.resolve("child.out")))
                .isEqualTo(3);
        List<ParsedLine> lines =
                Files.readAllLines(log).stream().map(ParsedLine::parse).toList();
        assertThat(lines)
                .extracting(ParsedLine::marker)
                .containsOnlyOnce(LogFormat.MARKER_STOP)
                .last()
                .isEqualTo(LogFormat.MARKER_STOP);
    }
}
