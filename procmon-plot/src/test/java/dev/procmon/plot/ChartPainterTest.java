package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one painter: what the pictures promise (issue 13), checked on the scene every renderer draws. */
class ChartPainterTest {

    private static ChartLayout layout(List<Chart.ChartLabel> labels) {
        double[] x = {0, 1, 2, 3, 4};
        double[] rss = {10, 500, 20, 30, 40};
        double[] cpu = {50, 100, 150, 90, 199};
        return new ChartLayout(new Chart(
                "title",
                "t",
                "MB",
                "%",
                false,
                List.of(
                        new Chart.Series("RSS (MB), left axis", "#7b1fa2", 2, false, x, rss, 2, 1),
                        new Chart.Series("Instantaneous CPU (%), right axis", "#e53935", 1, true, x, cpu, 6, 1)),
                labels));
    }

    @Test
    void theLegendIsAboveThePlotAreaAndSeriesAreClippedToIt() {
        ChartLayout l = layout(List.of(new Chart.ChartLabel(2, "x")));
        Scene scene = l.scene();

        assertThat(scene.clip())
                .containsExactly(
                        ChartLayout.LEFT, l.top, ChartLayout.RIGHT - ChartLayout.LEFT, ChartLayout.BOTTOM - l.top);
        assertThat(l.legend).isNotEmpty().allSatisfy(e -> assertThat(e.y()).isLessThan(l.top));
        // The RSS line is clipped; its legend swatch (drawn later, outside the plot area) is not.
        assertThat(scene.marks())
                .filteredOn(m -> m instanceof Mark.Lines lines && lines.color().equals("#7b1fa2"))
                .extracting(m -> ((Mark.Lines) m).clipped())
                .containsExactly(true, false);
    }

    @Test
    void aShortenedLabelKeepsItsWholeTextAsAnSvgTooltip() throws Exception {
        String whole = "a label far longer than any band of the plot could hold, ".repeat(4) + "END";
        ChartLayout l = layout(List.of(new Chart.ChartLabel(2, whole)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SvgRenderer().render(l.scene(), out);

        String svg = out.toString(StandardCharsets.UTF_8);
        assertThat(svg)
                .contains("<title>" + whole + "</title>")
                .contains("\u2026</text>")
                .contains("font-family=\"" + SvgRenderer.FONT_STACK + "\"")
                .contains("clip-path=\"url(#plot-area)\"");
    }
}
