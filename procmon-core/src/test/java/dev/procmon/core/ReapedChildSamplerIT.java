package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child this JVM starts and reaps: its lines, the STOP line above all, carry the kernel's exact
 * totals, checked against what the child's own shell says it used ({@code times}).
 */
class ReapedChildSamplerIT {

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
    void theStopLineCarriesTheExactTotalsOfAShellAndItsReapedChildren() throws Exception {
        for (boolean tree : new boolean[] {false, true}) {
            Path out = dir.resolve("times-" + tree);
            ProcessMonitor.Builder b = ProcessMonitor.builder()
                    .jvm(false)
                    .interval(Duration.ofMillis(20))
                    .includeChildren(tree)
                    .sink(sink);
            Process p = start(b, BUSY_CHILDREN, out);
            ProcessMonitor m = b.pid(p.pid()).start();
            assertThat(p.waitFor()).isZero();
            m.close();
            List<ParsedLine> lines = sink.parsed();
            sink.clear();
            ParsedLine stop = lines.get(lines.size() - 1);
            assertThat(stop.marker()).isEqualTo(LogFormat.MARKER_STOP);
            double expected = timesOutput(out);
            assertThat(expected).as("the children were busy").isGreaterThan(0.05);
            assertThat(cpu(stop))
                    .as("tree %s: STOP %s, times %s", tree, stop, expected)
                    .isBetween(expected - TOLERANCE_SECONDS, expected + TOLERANCE_SECONDS);
            // A single process's counters never go down, the STOP line's included. (In a tree, a child
            // reaped between the reads of its parent and of itself is missing from one sample: that is
            // the tree sampler's to keep continuous, not this class's.)
            for (int i = 1; i < lines.size() && !tree; i++) {
                for (String key : List.of(
                        "cpu_times.user",
                        "cpu_times.system",
                        "cpu_times.children_user",
                        "cpu_times.children_system",
                        "memory_info.pfaults",
                        "memory_info.children_pfaults")) {
                    assertThat(lines.get(i).number(key))
                            .as("%s never goes down: %s", key, lines)
                            .isGreaterThanOrEqualTo(lines.get(i - 1).number(key));
                }
            }
            assertThat(m.failedSamples()).isZero();
        }
    }

    @Test
    void aChildReapedBeforeItsFirstReadingStillHasStartAndStopWithItsTotals() throws Exception {
        Path out = dir.resolve("times");
        ProcessMonitor.Builder b = ProcessMonitor.builder()
                .jvm(false)
                .interval(Duration.ofSeconds(10))
                .sink(sink);
        Process p = start(b, BUSY_CHILDREN, out);
        assertThat(p.waitFor()).isZero(); // reaped: /proc/<pid> is gone before the monitor starts
        assertThat(Path.of("/proc", Long.toString(p.pid()))).doesNotExist();
        ProcessMonitor m = b.pid(p.pid()).start();
        m.close();
        List<ParsedLine> lines = sink.parsed();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).marker()).isEqualTo(LogFormat.MARKER_START);
        assertThat(lines.get(1).marker()).isEqualTo(LogFormat.MARKER_STOP);
        double expected = timesOutput(out);
        for (ParsedLine line : lines) {
            assertThat(line.values()).containsEntry("pid", Long.toString(p.pid()));
            assertThat(cpu(line)).isBetween(expected - TOLERANCE_SECONDS, expected + TOLERANCE_SECONDS);
            assertThat(line.number("memory_info.rss")).isZero();
            assertThat(line.number("memory_info.pfaults") + line.number("memory_info.children_pfaults"))
                    .isPositive();
        }
        assertThat(m.failedSamples()).isZero();
    }
}
