package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in a real headless Chromium: it loads without a console message, draws its
 * charts, keeps hostile text as text, and zooms down to samples the first view did not draw. Skipped
 * (with the reason) only where Chromium is not installed; {@code .ci/run} installs it.
 */
final class HtmlReportBrowserIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(
                HeadlessChromium.executable().isPresent(),
                "chromium is not on the PATH (apt-get install chromium; .ci/run installs it): browser tests skipped");
    }

    static Path report(List<Path> logs, Path out) throws Exception {
        PlotResult r = LogPlotter.plot(logs, out, PlotOptions.defaults().withFormats(EnumSet.of(OutputFormat.HTML)));
        return r.processes().get(0).files().stream()
                .filter(f -> f.toString().endsWith(".html"))
                .findFirst()
                .orElseThrow();
    }

    static String status(String dom, String attribute) {
        Matcher m = Pattern.compile("<div id=\"status\"[^>]*\\sdata-" + attribute + "=\"([^\"]*)\"")
                .matcher(dom);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void aRealLogLoadsWithoutConsoleMessagesAndItsChartsAreDrawn() throws Exception {
        Path html = report(List.of(Fixtures.log("totaldepth-macos.log")), dir.resolve("out"));
        HeadlessChromium.Page page = HeadlessChromium.dumpDom(html, "");
        assertThat(page.console()).isEmpty();
        assertThat(status(page.dom(), "ready")).isEqualTo("true");
        assertThat(status(page.dom(), "error")).isNull();
        assertThat(status(page.dom(), "samples")).isEqualTo("5");
        assertThat(page.dom()).contains("String of 389,021,696 bytes");

        BufferedImage shot = HeadlessChromium.screenshot(html, "", dir.resolve("shot.png"));
        // The series are drawn in their colours on the canvases (uPlot anti-aliases, so count near matches).
        assertThat(pixelsNear(shot, 0x7b1fa2)).as("RSS line pixels").isGreaterThan(300);
        assertThat(pixelsNear(shot, 0xe53935))
                .as("instantaneous CPU line pixels")
                .isGreaterThan(200);
    }

    @Test
    void anAbsurdElapsedTimeStillDrawsTheReport() throws Exception {
        // The last sample's elapsed_time is 1e308 s: its wall clock is no date JavaScript can print.
        Path html = report(List.of(Fixtures.log("absurd-elapsed.log")), dir.resolve("out"));
        HeadlessChromium.Page page = HeadlessChromium.dumpDom(html, "");
        assertThat(status(page.dom(), "error")).isNull();
        assertThat(status(page.dom(), "ready")).isEqualTo("true");
        assertThat(page.console()).isEmpty();
    }

    @Test
    void theActivityPanelOfTheStaticPlotIsThereWhenTheLogHasCounters() throws Exception {
        Path html = report(List.of(Fixtures.log("counters.log")), dir.resolve("out"));
        HeadlessChromium.Page page = HeadlessChromium.dumpDom(html, "");
        assertThat(page.console()).isEmpty();
        assertThat(status(page.dom(), "ready")).isEqualTo("true");
        assertThat(page.dom())
                .contains("<div class=\"u-title\">I/O (MB/s)</div>")
                .contains("<div class=\"u-title\">Threads, descriptors</div>")
                .contains("<div class=\"u-label\">Disk read MB/s</div>")
                .contains("<div class=\"u-label\">Threads (right)</div>");
    }

    @Test
    void phasesAreShadedAndTabledOneRowPerPhase() throws Exception {
        Path html = report(List.of(Fixtures.log("phases.log")), dir.resolve("out"));
        HeadlessChromium.Page page = HeadlessChromium.dumpDom(html, "");
        assertThat(page.console()).isEmpty();
        assertThat(status(page.dom(), "ready")).isEqualTo("true");
        Matcher table =
                Pattern.compile("<h2>Phases</h2><table[^>]*>(.*?)</table>").matcher(page.dom());
        assertThat(table.find()).isTrue();
        List<String> names = Pattern.compile("<tr><td>([^<]*)</td>")
                .matcher(table.group(1))
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(names)
                .containsExactly(
                        "load", "\u2003index", "index", "report (to the end)", "\u2003x (to the end)", "\u2003\u2003x");
        assertThat(table.group(1))
                .contains("<td>load</td><td>2.000</td><td>3.000</td><td>1.80</td><td>60.0</td>"
                        + "<td>20.0</td><td>80.0</td><td>80.0</td><td>60.0</td>");
        // The shading: the phases' colours fill the chart behind the lines.
        BufferedImage shot = HeadlessChromium.screenshot(html, "", dir.resolve("shot.png"));
        assertThat(pixelsNear(shot, 0xfff6dc)).as("first phase's shading").isGreaterThan(5000);
    }

    @Test
    void hoveringShowsEverySeriesValueTheWallClockAndTheLabelText() throws Exception {
        Path html = report(List.of(Fixtures.log("phases.log")), dir.resolve("out"));
        // #at=3 puts the pointer at 3 s, as a hover there would (sample 3: RSS 50 MB, label "index").
        HeadlessChromium.Page page = HeadlessChromium.dumpDom(html, "at=3");
        assertThat(page.console()).isEmpty();
        assertThat(page.dom())
                .contains("<div class=\"u-label\">Time</div></th><td class=\"u-value\">"
                        + "3.000 s \u00b7 2026-11-24 14:10:13.000 \u00b7 sample 3</td>");
        assertThat(page.dom())
                .contains("<div class=\"u-label\">RSS (MB)</div></th><td class=\"u-value\">50.0</td>")
                .contains("<div class=\"u-label\">JVM heap used (MB)</div></th><td class=\"u-value\">7.00</td>")
                .containsPattern(
                        "<div class=\"u-label\">Instantaneous CPU \\(%\\)</div></th><td class=\"u-value\">60(\\.0)?</td>")
                .containsPattern(
                        "<div class=\"u-label\">Page faults[^<]*</div></th><td class=\"u-value\">[0-9.]+</td>");
        assertThat(page.dom())
                .containsPattern(
                        "<div id=\"label-tip\" role=\"tooltip\" style=\"[^\"]*\">index \\(phase start\\)</div>");
    }

    @Test
    void hostileLabelsAndFileNamesStayText() throws Exception {
        String hostile = "<img src=x onerror=alert(1)>";
        Path log = dir.resolve(hostile + ".log");
        Files.copy(Fixtures.log("html-hostile.log"), log);
        Path html = report(List.of(log), dir.resolve("out"));
        String raw = Files.readString(html, StandardCharsets.UTF_8);
        // Exactly the page's own four script elements: no text from the log opened or closed one.
        assertThat(count(raw.toLowerCase(Locale.ROOT), "</script")).isEqualTo(4);
        assertThat(count(raw.toLowerCase(Locale.ROOT), "<script")).isEqualTo(4);
        assertThat(raw).doesNotContain(hostile, "\u2028");

        HeadlessChromium.Page page = HeadlessChromium.dumpDom(html, "");
        assertThat(page.console()).isEmpty();
        assertThat(status(page.dom(), "ready")).isEqualTo("true");
        assertThat(page.dom().toLowerCase(Locale.ROOT)).doesNotContain("<img").doesNotContain("<script>alert");
        // Shown as text: in the title, the label table and the sample table.
        assertThat(count(page.dom(), "&lt;img src=x onerror=alert(1)&gt;")).isGreaterThanOrEqualTo(3);
        assertThat(page.dom()).contains("&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;&lt;!--");
    }

    @Test
    void zoomingThroughThePageShowsASampleTheFirstViewDidNotDrawAndPeaksAreAlwaysDrawn() throws Exception {
        // 6,000 samples alternating 100 and 200 MB: the first view draws each pixel column's minimum
        // and maximum, so sample 3,001 (150 MB, neither) is not drawn until the view is narrow enough.
        // Sample 4,500 (999 MB) is a peak: drawn in every view.
        Path log = dir.resolve("zoom.log");
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= 6000; i++) {
                long mb = i == 3001 ? 150 : i == 4500 ? 999 : i % 2 == 0 ? 200 : 100;
                w.write(String.format(
                        Locale.ROOT,
                        "x [ProcMon] INFO procmon - ProcessLoggingThread-JSON {\"memory_info\": "
                                + "{\"rss\": %d}, \"cpu_times\": {\"user\": %d.5, \"system\": 0.0}, \"elapsed_time\": %d.0, \"pid\": 9}%n",
                        mb << 20,
                        i / 2,
                        i));
            }
        }
        Path html = report(List.of(log), dir.resolve("out"));
        HeadlessChromium.Page first = HeadlessChromium.dumpDom(html, "probe=3001");
        assertThat(first.console()).isEmpty();
        assertThat(status(first.dom(), "ready")).isEqualTo("true");
        assertThat(Integer.parseInt(status(first.dom(), "points"))).isLessThan(6000);
        assertThat(status(first.dom(), "probe-first")).isEqualTo("false");
        assertThat(status(HeadlessChromium.dumpDom(html, "probe=4500").dom(), "probe-first"))
                .isEqualTo("true");

        HeadlessChromium.Page zoomed = HeadlessChromium.dumpDom(html, "range=2990,3010&probe=3001");
        assertThat(zoomed.console()).isEmpty();
        assertThat(status(zoomed.dom(), "probe")).isEqualTo("true");
        assertThat(status(zoomed.dom(), "view")).isEqualTo("2990,3010");
        // Down to single samples: the view lists them, sample 3,001 with its own value.
        assertThat(zoomed.dom()).containsPattern("<td>3001</td><td>3001\\.000</td><td></td><td>150\\.0</td>");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static int pixelsNear(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xff) - (rgb >> 16 & 0xff)) < 24
                        && Math.abs((p >> 8 & 0xff) - (rgb >> 8 & 0xff)) < 24
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 24) {
                    n++;
                }
            }
        }
        return n;
    }
}
