package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 "bounded outputs": every case that was unbounded, with its cap and notice. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OutputBoundsTest {

    private static final PlotOptions SVG = PlotOptions.defaults().withFormats(Set.of(OutputFormat.SVG));

    @TempDir
    Path dir;

    @Test
    void tenThousandPidsPlotTheFirstTwentyAndCountTheRest() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int pid = 1; pid <= 10_000; pid++) {
            lines.add(LogLines.sample(pid, 1, 1 << 20, 0.1, null));
            lines.add(LogLines.sample(pid, 2, 2 << 20, 0.2, null));
        }
        Path log = Files.write(dir.resolve("many.log"), lines);
        Path out = dir.resolve("out");

        PlotResult r = LogPlotter.plot(List.of(log), out, SVG);

        assertThat(r.processes()).hasSize(PlotOptions.DEFAULT_MAX_PROCESSES);
        try (var files = Files.list(out)) {
            // .dat, .plt, .svg and the summary JSON per plotted run, nothing for the rest.
            assertThat(files.count()).isEqualTo(4L * PlotOptions.DEFAULT_MAX_PROCESSES);
        }
        assertThat(r.notices())
                .containsExactly("many.log: plotted the first 20 of 10000 process runs; the other 9980 "
                        + "hold 19960 samples (raise the cap with --max-processes)");
        assertThat(LogPlotter.plot(List.of(log), dir.resolve("more"), SVG.withMaxProcesses(25))
                        .processes())
                .hasSize(25);
    }

    @Test
    void aClockRangeFromYearOneToYear9999HasAFewDozenTicks() throws Exception {
        Path log = Files.write(
                dir.resolve("years.log"),
                List.of(
                        LogLines.sample(1, 1, 1 << 20, 0.1, null, "0001-01-01 00:00:00.000000"),
                        LogLines.sample(1, 2, 1 << 20, 0.2, null, "9999-12-31 23:59:59.000000")));

        LogPlotter.plot(List.of(log), dir, SVG.withTime(TimeAxis.CLOCK));

        String svg = Files.readString(dir.resolve("years.log_1.svg"));
        assertThat(svg.length()).isLessThan(100_000);
        assertThat(svg.split("<text").length).isLessThan(3 * AxisScale.MAX_TICKS + 40);
    }

    @Test
    void anAbsurdRangeGivesFiniteBoundedTicks() {
        for (double[] range :
                new double[][] {{0, 1.79e308}, {-1.79e308, 1.79e308}, {1e300, 1e300}, {0, 1e-300}, {5, 5 + 1e-12}}) {
            AxisScale s = AxisScale.nice(range[0], range[1], 10);
            assertThat(s.ticks()).hasSizeBetween(1, AxisScale.MAX_TICKS + 1).allMatch(Double::isFinite);
            assertThat(s.label(s.ticks().get(0)).length()).isLessThan(30);
        }
        AxisScale clock = AxisScale.clock(-62135596800.0, 253402300799.0, 10);
        assertThat(clock.ticks()).hasSizeBetween(2, AxisScale.MAX_TICKS + 1);
    }

    @Test
    void twoHundredThousandLabelsGiveAtMostOneMarkerPerFourPixelsInEveryOutput() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 200_000; i++) {
            lines.add(LogLines.sample(3, i * 0.01, 1 << 20, i * 0.001, "label " + i));
        }
        Path log = Files.write(dir.resolve("labels.log"), lines);

        PlotResult r = LogPlotter.plot(List.of(log), dir, SVG);

        long arrows = Files.readAllLines(dir.resolve("labels.log_3.plt")).stream()
                .filter(l -> l.startsWith("set arrow"))
                .count();
        long texts = Files.readAllLines(dir.resolve("labels.log_3.plt")).stream()
                .filter(l -> l.startsWith("set label"))
                .count();
        double plotWidth = ChartLayout.RIGHT - ChartLayout.LEFT;
        assertThat(arrows).isBetween(100L, (long) (plotWidth / LabelLayout.MARKER_SPACING) + 2);
        assertThat(texts).isLessThanOrEqualTo(arrows);
        assertThat(r.notices())
                .singleElement()
                .asString()
                .startsWith("labels.log_3: 200000 labels: " + arrows + " markers, " + texts + " texts shown (crowded)");
        assertThat(Files.size(dir.resolve("labels.log_3.svg"))).isLessThan(1 << 20);
    }

    @Test
    void labelsOfMegabytesAreKeptAtTheLengthAnyOutputShows() throws Exception {
        Path log = dir.resolve("huge-labels.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(log))) {
            String label = "x".repeat(3 << 20);
            for (int i = 1; i <= 20; i++) {
                out.write((LogLines.sample(4, i, 1 << 20, 0.1 * i, label) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }

        ParsedLog parsed = LogReader.read(List.of(log), ProgressListener.NONE);

        assertThat(parsed.tables().get(0).labels())
                .hasSize(20)
                .allSatisfy(l -> assertThat(l.text().length()).isEqualTo(LabelText.MAX_CHARS));
    }

    @Test
    void anEndlessDeviceEndsPromptlyWithOneLine() {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isReadable(full), "no /dev/full");

        assertThatThrownBy(() -> LogPlotter.plot(List.of(full), dir, SVG))
                .isInstanceOf(PlotInputException.class)
                .hasMessage("/dev/full: no ProcessLoggingThread-JSON sample lines");
    }
}
