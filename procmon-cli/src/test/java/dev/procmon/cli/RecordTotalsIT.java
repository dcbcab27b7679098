package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.LogFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 10, "whole-tree totals add up" and "every recording is complete", on real processes: the STOP
 * line of a recorded command carries what the kernel accounted for it, checked against GNU time and
 * the shell's own {@code times} in the same run.
 */
class RecordTotalsIT {

    /** Five short busy children, one after the other (each a fraction of a second of CPU). */
    static final String SERIAL_BUSY_CHILDREN =
            "for n in 1 2 3 4 5; do sh -c 'i=0; while [ $i -lt 150000 ]; do i=$((i+1)); done'; done";

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int record(String... args) {
        return new CommandLine(new RecordCommand(Plotter.defaults()))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void theStopLineAgreesWithGnuTimeOnAShellRunningShortBusyChildrenOneAfterAnother() throws Exception {
        assertThat(GNU_TIME)
                .as("GNU time (Debian package time; .ci/run installs it)")
                .isExecutable();
        for (boolean tree : new boolean[] {false, true}) {
            Path log = dir.resolve("busy-" + tree + ".log");
            Path times = dir.resolve("time-" + tree + ".txt");
            String[] args = tree
                    ? new String[] {
                        "--interval",
                        "0.1",
                        "--include-children",
                        "--log",
                        log.toString(),
                        "--plot",
                        dir.resolve("plots").toString(),
                        "--",
                        GNU_TIME.toString(),
                        "-f",
                        "%U %S %e %R %F",
                        "-o",
                        times.toString(),
                        "sh",
                        "-c",
                        SERIAL_BUSY_CHILDREN
                    }
                    : new String[] {
                        "--interval",
                        "0.1",
                        "--log",
                        log.toString(),
                        "--plot",
                        dir.resolve("plots").toString(),
                        "--",
                        GNU_TIME.toString(),
                        "-f",
                        "%U %S %e %R %F",
                        "-o",
                        times.toString(),
                        "sh",
                        "-c",
                        SERIAL_BUSY_CHILDREN
                    };
            assertThat(record(args)).isZero();
            String[] gnu =
                    Files.readString(times, StandardCharsets.US_ASCII).trim().split("\\s+");
            double gnuCpu = Double.parseDouble(gnu[0]) + Double.parseDouble(gnu[1]);
            double gnuWall = Double.parseDouble(gnu[2]);
            double gnuFaults = Double.parseDouble(gnu[3]) + Double.parseDouble(gnu[4]);
            assertThat(gnuCpu).as("the children were busy").isGreaterThan(0.2);

            Recording r = Recording.of(log);
            int stop = r.size() - 1;
            assertThat(r.marker(0)).isEqualTo(LogFormat.MARKER_START);
            assertThat(r.marker(stop)).isEqualTo(LogFormat.MARKER_STOP);
            double stopCpu = r.cpu(stop);
            // GNU time's own CPU (a few ms) is in procmon's figure and not in its report: 10 % covers it.
            assertThat(stopCpu)
                    .as("tree %s: STOP CPU vs GNU time %s s; %s", tree, gnuCpu, r.lines())
                    .isBetween(gnuCpu * 0.9, gnuCpu * 1.1);
            double faults = r.number(stop, LogFormat.PFAULTS) + r.number(stop, "children_pfaults");
            // GNU time's own start-up faults (about 140 here) are in procmon's figure, not in its report.
            assertThat(faults)
                    .as("tree %s: STOP faults vs GNU time's %s", tree, gnuFaults)
                    .isBetween(gnuFaults, gnuFaults + 300);
            // The mean CPU a reader derives from the log: STOP CPU over STOP elapsed time.
            double meanPercent = 100 * stopCpu / r.number(stop, LogFormat.ELAPSED_TIME);
            double gnuPercent = 100 * gnuCpu / gnuWall;
            assertThat(meanPercent)
                    .as("tree %s: mean CPU %% vs GNU time's %s %%", tree, gnuPercent)
                    .isBetween(gnuPercent * 0.9, gnuPercent * 1.1);
            // And as the summary of record --plot (the same as procmon plot's) says it.
            Matcher summary = Pattern.compile("mean CPU ([0-9.]+) %").matcher(out.toString());
            assertThat(summary.find()).as(out.toString()).isTrue();
            assertThat(Double.parseDouble(summary.group(1)))
                    .as("tree %s: summary %s vs GNU time's %s %%", tree, out, gnuPercent)
                    .isBetween(gnuPercent * 0.9, gnuPercent * 1.1);
            out.getBuffer().setLength(0);
            // The STOP line never takes CPU back (in a tree, earlier lines are the tree sampler's).
            assertThat(stopCpu)
                    .as("STOP vs the line before: %s", r.lines())
                    .isGreaterThanOrEqualTo(r.cpu(stop - 1) - 1e-9);
            for (int i = 1; i < r.size() && !tree; i++) {
                assertThat(r.cpu(i))
                        .as("CPU never goes down: %s", r.lines())
                        .isGreaterThanOrEqualTo(r.cpu(i - 1) - 1e-9);
            }
        }
    }

    @Test
    void aCommandShorterThanOneIntervalHasStartAndStopWithItsTotals() throws Exception {
        Path log = dir.resolve("true.log");
        assertThat(record("--interval", "5", "--log", log.toString(), "--", "true"))
                .isZero();
        Recording r = Recording.of(log);
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.marker(0)).isEqualTo(LogFormat.MARKER_START);
        assertThat(r.marker(1)).isEqualTo(LogFormat.MARKER_STOP);
        assertThat(r.cpu(1)).isNotNaN().isGreaterThanOrEqualTo(0);

        Path busy = dir.resolve("busy.log");
        Path times = dir.resolve("times.txt");
        assertThat(record(
                        "--interval",
                        "60",
                        "--log",
                        busy.toString(),
                        "--",
                        "sh",
                        "-c",
                        SERIAL_BUSY_CHILDREN + "; times > " + times))
                .isZero();
        Recording b = Recording.of(busy);
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.marker(1)).isEqualTo(LogFormat.MARKER_STOP);
        double shellSays = 0;
        for (String field :
                Files.readString(times, StandardCharsets.US_ASCII).trim().split("\\s+")) {
            String[] ms = field.replace("s", "").split("m");
            shellSays += Long.parseLong(ms[0]) * 60 + Double.parseDouble(ms[1]);
        }
        // Two clock ticks: times rounds, and the shell runs on a little after it.
        assertThat(b.cpu(1))
                .as("STOP %s vs the shell's times %s", b.lines(), shellSays)
                .isBetween(shellSays - 0.03, shellSays + 0.03);
    }
}
