package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The monitor used from the host's own shutdown hooks: the JVM still ends, and the log is whole. */
class HostileShutdownIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"start-in-hook", "close-in-hook"})
    void aMonitorUsedFromTheHostsShutdownHookNeitherKeepsTheJvmNorBreaksTheLog(String how)
            throws IOException, InterruptedException {
        Path log = dir.resolve("child.log");
        Path out = dir.resolve("child.out");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HookMain.class.getName(),
                        log.toString(),
                        how)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS))
                    .as("the child JVM ended by itself")
                    .isTrue();
        } finally {
            child.destroyForcibly();
        }
        String output = Files.readString(out);
        assertThat(child.exitValue()).as(output).isEqualTo(3);
        assertThat(output).doesNotContain("Exception", "Error");
        List<ParsedLine> lines =
                Files.readAllLines(log).stream().map(ParsedLine::parse).toList();
        if (how.equals("start-in-hook") && lines.isEmpty()) {
            // Started while the JVM is exiting, with no hook of its own: the JVM halts when the host's
            // hooks return, possibly before the ProcMon thread wrote anything. What is written is whole.
            return;
        }
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(0).marker()).isEqualTo(LogFormat.MARKER_START);
        assertThat(lines.stream().filter(l -> l.marker().equals(LogFormat.MARKER_START)))
                .hasSize(1);
        if (how.equals("close-in-hook")) {
            assertThat(lines.get(lines.size() - 1).marker()).isEqualTo(LogFormat.MARKER_STOP);
            assertThat(lines.stream().filter(l -> l.marker().equals(LogFormat.MARKER_STOP)))
                    .hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"every", "locked"})
    void aSinkThatCallsSystemExitAgainOrHoldsItsLockDoesNotHangTheJvm(String how)
            throws IOException, InterruptedException {
        Path log = dir.resolve("exit.log");
        Path out = dir.resolve("exit.out");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExitAgainInSinkMain.class.getName(),
                        log.toString(),
                        how)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS))
                    .as("the child JVM ended by itself")
                    .isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as(Files.readString(out)).isEqualTo(3);
        List<ParsedLine> lines =
                Files.readAllLines(log).stream().map(ParsedLine::parse).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines.get(0).marker()).isEqualTo(LogFormat.MARKER_START);
        if (how.equals("every")) {
            // The hook's STOP line reaches the sink (which then calls exit again, in vain).
            assertThat(lines)
                    .extracting(ParsedLine::marker)
                    .containsOnlyOnce(LogFormat.MARKER_STOP)
                    .last()
                    .isEqualTo(LogFormat.MARKER_STOP);
        } else {
            // The exiting thread holds the sink's lock for good: no STOP line can be written, but the JVM ends.
            assertThat(lines).extracting(ParsedLine::marker).doesNotContain(LogFormat.MARKER_STOP);
        }
    }
}
