package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.LogFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int procmon(String... args) {
        return ProcmonCommand.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void theDemoLogShowsRssRisingWithEachStringAndFallingWhenItIsReleased() throws IOException {
        assertThat(procmon(
                        "demo",
                        dir.toString(),
                        "--seed",
                        "7",
                        "--count",
                        "2",
                        "--min-mb",
                        "96",
                        "--max-mb",
                        "128",
                        "--interval",
                        "0.05"))
                .as(err.toString())
                .isZero();

        List<String> lines = Files.readAllLines(dir.resolve("demo.log"));
        // TotalDepth's layout before the marker.
        assertThat(lines.get(0))
                .matches(
                        "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} - - \\d+ - \\(main      \\) - INFO     - .*");
        assertThat(lines)
                .anyMatch(l -> l.matches(".* - \\(ProcMon   \\) - INFO     - ProcessLoggingThread-JSON-START \\{.*"));
        Recording r = Recording.of(dir.resolve("demo.log"));
        double baseline = r.number(0, LogFormat.RSS);

        List<Integer> labelled = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            if (r.label(i) != null) {
                labelled.add(i);
            }
        }
        assertThat(labelled).hasSize(2);
        Pattern bytes = Pattern.compile("String of ([0-9,]+) bytes");
        for (int k = 0; k < labelled.size(); k++) {
            int from = labelled.get(k);
            int to = k + 1 < labelled.size() ? labelled.get(k + 1) : r.size();
            Matcher m = bytes.matcher(r.label(from));
            assertThat(m.matches()).isTrue();
            long size = Long.parseLong(m.group(1).replace(",", ""));
            assertThat(size).isBetween(96L << 20, 128L << 20);
            int peakAt = from;
            for (int i = from; i < to; i++) {
                if (r.number(i, LogFormat.RSS) > r.number(peakAt, LogFormat.RSS)) {
                    peakAt = i;
                }
            }
            double peak = r.number(peakAt, LogFormat.RSS);
            assertThat(peak - baseline).as("rise while string %d is held", k).isGreaterThanOrEqualTo(0.8 * size);
            double after = peak;
            for (int i = peakAt; i < to; i++) {
                after = Math.min(after, r.number(i, LogFormat.RSS));
            }
            assertThat(peak - after).as("fall after string %d is released", k).isGreaterThanOrEqualTo(0.8 * size);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString().replaceAll("_\\d+", "_PID")))
                    .contains(
                            "demo.log_PID.dat",
                            "demo.log_PID.plt",
                            "demo.log_PID.svg",
                            "demo.log_PID.png",
                            "demo.log_PID.html");
        }
        assertThat(out.toString()).contains("demo.log: pid ", "2 labels", ".svg", ".png");
        // A line per phase, in order, before the summary: the demo is never silent for long.
        assertThat(out.toString()
                        .lines()
                        .map(l -> l.replaceAll("^procmon demo: (\\w+).*", "$1"))
                        .limit(3))
                .containsExactly("2", "recording", "plotting");
    }

    @ParameterizedTest
    @CsvSource({
        "--count, -1",
        "--count, 0",
        "--count, lots",
        "--min-mb, -5",
        "--max-mb, 0",
        "--max-mb, 99999",
        "--interval, -0.1",
        "--interval, NaN",
        "--seed, x"
    })
    void badOptionsAreUsageErrors(String option, String value) {
        assertThat(procmon("demo", dir.toString(), option, value)).isEqualTo(2);
        // One line naming the option, then where help is: never the whole usage text or a Java type.
        assertThat(err.toString().lines()).hasSize(2);
        assertThat(err.toString())
                .contains(option)
                .contains("Try 'procmon demo --help'")
                .doesNotContain("Usage:")
                .doesNotContain("java.lang")
                .doesNotContain(" a long")
                .doesNotContain(" a double");
        assertThat(dir.resolve("demo.log")).doesNotExist();
    }

    @Test
    void minAboveMaxIsAUsageError() {
        assertThat(procmon("demo", dir.toString(), "--min-mb", "200", "--max-mb", "100"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--min-mb 200 is above --max-mb 100");
    }
}
