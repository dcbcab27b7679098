package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 "logs as people have them" and "any text". */
class LogInputEdgesTest {

    private static final PlotOptions ALL = PlotOptions.defaults();

    @TempDir
    Path dir;

    private static List<String> samples(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            lines.add(LogLines.sample(
                    11, i, 1L << 20, 0.1 * i, null, String.format("2026-11-24 10:%02d:%02d.000000", i / 60, i % 60)));
        }
        return lines;
    }

    @Test
    void aTruncatedGzipPlotsItsIntactPrefixWithAOneLineNotice() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write((String.join("\n", samples(1, 2000)) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] whole = gz.toByteArray();
        Path log = Files.write(dir.resolve("cut.log.gz"), Arrays.copyOf(whole, whole.length / 2));

        PlotResult r = LogPlotter.plot(List.of(log), dir.resolve("out"), ALL);

        assertThat(r.processes().get(0).samples()).isBetween(100, 1999);
        assertThat(r.notices())
                .singleElement()
                .asString()
                .matches(".*cut\\.log\\.gz: gzip data truncated; plotted the \\d+ samples before that");
        // .dat, .plt, one file per format asked for, and the summary JSON: all of them whole.
        assertThat(r.processes().get(0).files())
                .hasSize(3 + ALL.formats().size())
                .allSatisfy(f -> assertThat(f).isNotEmptyFile());
    }

    @Test
    void rotatedFilesGivenNewestFirstAreReadInOrderAndNamedAfterTheLiveFile() throws Exception {
        Path live = Files.write(dir.resolve("app.log"), samples(21, 30));
        Path one = Files.write(dir.resolve("app.log.1"), samples(11, 20));
        Path two = Files.write(dir.resolve("app.log.2"), samples(1, 10));

        PlotResult r = LogPlotter.plot(List.of(live, one, two), dir.resolve("out"), ALL);

        assertThat(r.processes()).singleElement().satisfies(p -> {
            assertThat(p.samples()).isEqualTo(30);
            assertThat(p.run()).isEqualTo(1);
            assertThat(p.files().get(0).getFileName().toString()).isEqualTo("app.log_11.dat");
        });
    }

    @Test
    void aLoneSurrogateInALabelNeverStopsAPlot() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(LogLines.sample(12, 1, 1L << 20, 0.1, "cut emoji \\ud83d here"));
        lines.add(LogLines.sample(12, 2, 1L << 20, 0.2, "low \\udc80 alone"));
        lines.add(LogLines.sample(12, 3, 1L << 20, 0.3, "whole \\ud83d\\ude00 pair"));
        Path log = Files.write(dir.resolve("surrogates.log"), lines);

        PlotResult r = LogPlotter.plot(
                List.of(log), dir.resolve("out"), ALL.withFormats(Set.of(OutputFormat.SVG, OutputFormat.PNG)));

        assertThat(r.processes().get(0).files()).hasSize(5); // .dat, .plt, .svg, .png, .summary.json
        String dat = Files.readString(dir.resolve("out").resolve("surrogates.log_12.dat"), StandardCharsets.UTF_8);
        assertThat(dat).contains("cut emoji \uFFFD here", "low \uFFFD alone", "whole \ud83d\ude00 pair");
        assertThat(dat.lines().filter(l -> !l.startsWith("#"))).hasSize(3);
        assertThat(Files.readString(dir.resolve("out").resolve("surrogates.log_12.plt")))
                .contains("cut emoji \uFFFD here");
    }
}
