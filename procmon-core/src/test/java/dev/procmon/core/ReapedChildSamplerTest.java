package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child this JVM starts and reaps: its lines, the STOP line above all, carry the kernel's exact
 * totals, checked against what the child's own shell says it used ({@code times}).
 */
class ReapedChildSamplerTest {

    /** A shell that runs three short busy children one after the other, then prints its {@code times}. */
    private static final String BUSY_CHILDREN =
            "for n in 1 2 3; do sh -c 'i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done'; done; times";
    /** Two ticks at 100 Hz: {@code times} rounds, and the shell runs on a little after it. */
    private static final double TOLERANCE_SECONDS = 0.03;

    @TempDir
    Path dir;

    private final CollectingSink sink = new CollectingSink();

    private static double cpu(ParsedLine line) {
        return line.number("cpu_times.user")
                + line.number("cpu_times.system")
                + line.number("cpu_times.children_user")
                + line.number("cpu_times.children_system");
    }

    /** The shell's own user + system and its children's, as its {@code times} printed them. */
    private static double timesOutput(Path file) throws IOException {
        Matcher m = Pattern.compile("(\\d+)m([\\d.]+)s").matcher(Files.readString(file, StandardCharsets.US_ASCII));
        double total = 0;
        int n = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2));
            n++;
        }
        assertThat(n).as("times printed four figures").isEqualTo(4);
        return total;
    }

    private Process start(ProcessMonitor.Builder b, String script, Path out) throws IOException {
        b.launchedChild();
        return new ProcessBuilder("sh", "-c", script)
                .redirectOutput(out.toFile())
                .start();
    }

    @Test
    void childCountersAreReadFromTheFieldsAfterTheLastParenthesis() throws Exception {
        Path stat = dir.resolve("stat");
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        // ...
        Files.writeString(stat, "42 (a) b) (c) S 1 42 42 0 -1 4194560 100 7 3 2 50 60 70 80 20 0 1 0 9 10 11\n");
        assertThat(ChildCounters.read(stat)).isEqualTo(new ChildCounters(70, 80, 7, 2));
        Files.writeString(stat, "42 (a) S 1 2\n");
        assertThatThrownBy(() -> ChildCounters.read(stat))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(stat.toString());
    }
}
