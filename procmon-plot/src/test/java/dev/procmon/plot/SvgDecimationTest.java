package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgDecimationTest {

    @Test
    void keepsASingleSampleSpikeAmong200kSamplesAndStaysUnderOneMegabyte() throws Exception {
        int n = 200_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.1;
            y[i] = 100 + (i % 7);
        }
        y[123_457] = 5000;
        Chart chart = new Chart(
                "spike",
                "t",
                "MB",
                "%",
                false,
                List.of(new Chart.Series("RSS", "#7b1fa2", 2, false, x, y, 2, 1)),
                List.of());
        ChartLayout layout = new ChartLayout(chart);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SvgRenderer().render(layout.scene(), out);

        assertThat(out.size()).isLessThan(1 << 20);
        String svg = out.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<path [^>]*stroke=\"#7b1fa2\"[^>]* d=\"([^\"]*)\"")
                .matcher(svg);
        assertThat(m.find()).isTrue();
        double minPixelY = Double.MAX_VALUE;
        for (String point : m.group(1).split("[ML]")) {
            if (!point.isBlank()) {
                minPixelY = Math.min(minPixelY, Double.parseDouble(point.trim().split(" ")[1]));
            }
        }
        assertThat(minPixelY).isCloseTo(layout.py(layout.y, 5000), org.assertj.core.api.Assertions.within(0.06));
    }

    @Test
    void breaksTheLineAtMissingValues() {
        List<double[]> runs = PolylineDecimator.decimate(
                new double[] {0, 1, 2, 3},
                new double[] {1, Double.NaN, 2, 3},
                new PixelMap(0, false, 0, 1, 100, -1e9, 1e9),
                new PixelMap(0, false, 0, 1, 1, -1e9, 1e9));
        assertThat(runs).hasSize(2);
    }

    @Test
    void picksNiceTickSteps() {
        AxisScale s = AxisScale.nice(0, 381.9, 8);
        assertThat(s.step()).isEqualTo(50);
        assertThat(s.max()).isEqualTo(400);
        assertThat(AxisScale.nice(0, 0.0123, 8).step()).isEqualTo(0.002);
        assertThat(AxisScale.nice(0, 0.0123, 8).label(0.004)).isEqualTo("0.004");
    }

    @Test
    void staggersCrowdedLabelTextsSoNoneOverlap() {
        List<LabelLayout.Placed> placed = place(100.0, 105.0, 110.0, 500.0);

        assertThat(placed).extracting(LabelLayout.Placed::text).containsExactly("a", "b", "c", "d");
        assertThat(placed.subList(0, 3))
                .extracting(LabelLayout.Placed::textBottom)
                .doesNotHaveDuplicates();
        assertThat(placed.get(3).textBottom())
                .as("far from the crowd")
                .isEqualTo(placed.get(0).textBottom());
    }

    @Test
    void leavesOutTextsThatStillCrowdAfterStaggering() {
        List<LabelLayout.Placed> placed = place(100.0, 104.0, 108.0, 112.0);

        assertThat(placed).extracting(LabelLayout.Placed::text).containsExactly("a", "b", "c", null);
    }

    /** Labels "a", "b", ... at the given pixel x on a 0..1000 x 0..600 plot. */
    private static List<LabelLayout.Placed> place(double... xs) {
        List<Chart.ChartLabel> labels = new java.util.ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            labels.add(new Chart.ChartLabel(xs[i], String.valueOf((char) ('a' + i))));
        }
        return LabelLayout.place(labels, v -> v, 0, 1000, 0, 600, 11).placed();
    }
}
