package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
        return ProcmonCommand.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    /** rss and label of one sample line, read with a JSON parser. */
    private record Point(long rss, String label) {
        static Point of(String line) {
            String json = line.substring(line.indexOf('{', line.indexOf(LogFormat.MARKER)));
            long rss = -1;
            String label = null;
            try (JsonParser p = new JsonFactory().createParser(json)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.FIELD_NAME && p.currentName().equals(LogFormat.RSS)) {
                        p.nextToken();
                        rss = p.getLongValue();
                    } else if (t == JsonToken.FIELD_NAME && p.currentName().equals(LogFormat.LABEL)) {
                        p.nextToken();
                        label = p.getText();
                    }
                }
            } catch (IOException e) {
                throw new AssertionError(line, e);
            }
            return new Point(rss, label);
        }
    }

    @Test
    void theDemoLogShowsRssRisingWithEachStringAndFallingWhenItIsReleased() throws IOException {
        assertThat(procmon("demo", dir.toString(), "--seed", "7", "--count", "2", "--min-mb", "96", "--max-mb", "128",
                "--interval", "0.05")).as(err.toString()).isZero();

        List<String> lines = Files.readAllLines(dir.resolve("demo.log"));
        // TotalDepth's layout before the marker.
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} - - \\d+ - \\(main      \\) - INFO     - .*");
        assertThat(lines).anyMatch(l -> l.matches(".* - \\(ProcMon   \\) - INFO     - ProcessLoggingThread-JSON-START \\{.*"));
        List<Point> points = lines.stream().filter(l -> l.contains(LogFormat.MARKER)).map(Point::of).toList();
        long baseline = points.get(0).rss();

        List<Integer> labelled = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).label() != null) {
                labelled.add(i);
            }
        }
        assertThat(labelled).hasSize(2);
        Pattern bytes = Pattern.compile("String of ([0-9,]+) bytes");
        for (int k = 0; k < labelled.size(); k++) {
            int from = labelled.get(k);
            int to = k + 1 < labelled.size() ? labelled.get(k + 1) : points.size();
            Matcher m = bytes.matcher(points.get(from).label());
            assertThat(m.matches()).isTrue();
            long size = Long.parseLong(m.group(1).replace(",", ""));
            assertThat(size).isBetween(96L << 20, 128L << 20);
            List<Point> window = points.subList(from, to);
            int peakAt = 0;
            for (int i = 0; i < window.size(); i++) {
                if (window.get(i).rss() > window.get(peakAt).rss()) {
                    peakAt = i;
                }
            }
            assertThat(window.get(peakAt).rss() - baseline).as("rise while string %d is held", k)
                    .isGreaterThanOrEqualTo((long) (0.8 * size));
            long after = window.subList(peakAt, window.size()).stream().mapToLong(Point::rss).min().orElseThrow();
            assertThat(window.get(peakAt).rss() - after).as("fall after string %d is released", k)
                    .isGreaterThanOrEqualTo((long) (0.8 * size));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString().replaceAll("_\\d+", "_PID")))
                    .contains("demo.log_PID.dat", "demo.log_PID.plt", "demo.log_PID.svg", "demo.log_PID.png");
        }
        assertThat(out.toString()).contains("demo.log: pid ", "2 labels", ".svg", ".png");
    }

    @ParameterizedTest
    @CsvSource({"--count, -1", "--count, 0", "--count, lots", "--min-mb, -5", "--max-mb, 0", "--max-mb, 99999",
        "--interval, -0.1", "--interval, NaN", "--seed, x"})
    void badOptionsAreUsageErrors(String option, String value) {
        assertThat(procmon("demo", dir.toString(), option, value)).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: procmon demo");
        assertThat(dir.resolve("demo.log")).doesNotExist();
    }

    @Test
    void minAboveMaxIsAUsageError() {
        assertThat(procmon("demo", dir.toString(), "--min-mb", "200", "--max-mb", "100")).isEqualTo(2);
        assertThat(err.toString()).contains("--min-mb 200 is above --max-mb 100");
    }
}
