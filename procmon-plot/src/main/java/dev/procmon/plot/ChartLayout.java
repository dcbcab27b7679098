package dev.procmon.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Chart} placed on a fixed pixel canvas: the plot area, the three axis scales, each series
 * decimated to pixel runs, the label markers with their non-overlapping texts, and the legend. Both
 * renderers draw exactly this, so SVG and PNG agree.
 */
final class ChartLayout {

    static final int WIDTH = 1200;
    static final int HEIGHT = 720;
    static final double LEFT = 80;
    static final double RIGHT = WIDTH - 90;
    static final double TOP = 56;
    static final double BOTTOM = HEIGHT - 64;
    static final double FONT = 12;
    static final double TITLE_FONT = 16;
    static final double LABEL_FONT = 11;

    final Chart chart;
    final AxisScale x;
    final AxisScale y;
    final AxisScale y2;
    final List<Line> lines = new ArrayList<>();
    final List<LabelLayout.Placed> labels;

    /** One series as pixel runs. */
    record Line(Chart.Series series, List<double[]> runs) {
    }

    ChartLayout(Chart chart) {
        this.chart = chart;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMax = 0;
        double y2Max = 0;
        for (Chart.Series s : chart.series()) {
            for (int i = 0; i < s.x().length; i++) {
                double vx = s.x()[i];
                double vy = s.y()[i];
                if (Double.isNaN(vx) || Double.isNaN(vy)) {
                    continue;
                }
                xMin = Math.min(xMin, vx);
                xMax = Math.max(xMax, vx);
                if (s.rightAxis()) {
                    y2Max = Math.max(y2Max, vy);
                } else {
                    yMax = Math.max(yMax, vy);
                }
            }
        }
        if (xMin > xMax) {
            xMin = 0;
            xMax = 1;
        }
        if (!chart.clock()) {
            xMin = Math.min(0, xMin);
        }
        x = chart.clock() ? AxisScale.clock(xMin, xMax, 10) : AxisScale.nice(xMin, xMax, 10);
        y = AxisScale.nice(0, yMax > 0 ? yMax * 1.05 : 1, 8);
        y2 = AxisScale.nice(0, y2Max > 0 ? y2Max * 1.05 : 1, 8);
        for (Chart.Series s : chart.series()) {
            AxisScale ys = s.rightAxis() ? y2 : y;
            lines.add(new Line(s, PolylineDecimator.decimate(s.x(), s.y(), this::px, v -> py(ys, v))));
        }
        List<Double> xs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Chart.ChartLabel l : chart.labels()) {
            xs.add(px(l.x()));
            texts.add(OutputEscaper.plain(l.text()));
        }
        labels = LabelLayout.place(xs, texts, TOP, BOTTOM, LABEL_FONT);
    }

    double px(double v) {
        return LEFT + (v - x.min()) / (x.max() - x.min()) * (RIGHT - LEFT);
    }

    static double py(AxisScale s, double v) {
        return BOTTOM - (v - s.min()) / (s.max() - s.min()) * (BOTTOM - TOP);
    }

    /** @return how many label texts were left out because they crowded */
    int hiddenLabelTexts() {
        int n = 0;
        for (LabelLayout.Placed p : labels) {
            if (p.text() == null) {
                n++;
            }
        }
        return n;
    }
}
