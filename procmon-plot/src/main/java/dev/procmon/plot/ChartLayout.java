package dev.procmon.plot;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Chart} placed on a fixed pixel canvas: the plot area, the three axis scales, each series
 * decimated to pixel runs, the label markers with their non-overlapping texts, and the legend (in its
 * own band above the plot area, so it never covers data). {@link #scene()} turns this into the marks
 * every renderer draws; the gnuplot script reads its ranges, ticks, label placements and colours from
 * here too.
 */
final class ChartLayout {

    static final int WIDTH = 1200;
    static final int HEIGHT = 720;
    static final double LEFT = 80;
    static final double RIGHT = WIDTH - 90;
    static final double BOTTOM = HEIGHT - 64;
    static final double FONT = 12;
    static final double TITLE_FONT = 16;
    static final double LABEL_FONT = 11;
    static final double TITLE_BASELINE = 28;
    static final double LEGEND_ROW = 18;
    static final double LEGEND_FIRST_BASELINE = 50;
    /** Pixel coordinates are kept within this distance of the canvas (a safety net for absurd values). */
    static final double PIXEL_LIMIT = 10_000;

    static final String GRID = "#dddddd";
    static final String AXIS = "#333333";
    static final String MARKER = "#555555";
    static final String LABEL_TEXT = "#222222";

    final Chart chart;
    final AxisScale x;
    final AxisScale y;
    final AxisScale y2;
    /** The top of the plot area, below the title and the legend rows. */
    final double top;

    final List<Line> lines = new ArrayList<>();
    final LabelLayout.Result labels;
    final List<LegendEntry> legend;
    /** The activity panel under the chart (I/O, threads, descriptors), or null when the log has none. */
    final @Nullable PanelLayout panel;

    /** One series as pixel runs. */
    record Line(Chart.Series series, List<double[]> runs) {}

    /** A legend entry: a swatch (null colour for a note without one) and its text, baseline at {@code y}. */
    record LegendEntry(double x, double y, @Nullable String color, double width, String text) {}

    ChartLayout(Chart chart) {
        this(chart, null);
    }

    /** @param panelChart the activity panel ({@link PanelBuilder}), or null */
    ChartLayout(Chart chart, @Nullable Chart panelChart) {
        this.chart = chart;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMax = 0;
        double y2Max = 0;
        for (Chart.Series s : chart.series()) {
            for (int i = 0; i < s.x().length; i++) {
                double vx = s.x()[i];
                double vy = s.y()[i];
                if (!Double.isFinite(vx) || !Double.isFinite(vy)) {
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
        y = AxisScale.nice(0, yMax > 0 ? headroom(yMax) : 1, 8);
        y2 = AxisScale.nice(0, y2Max > 0 ? headroom(y2Max) : 1, 8);
        List<Chart.ChartLabel> chartLabels = chart.labels();
        int hiddenNote = chartLabels.isEmpty() ? 0 : 1;
        legend = placeLegend(chart.series(), hiddenNote);
        top = legend.isEmpty()
                ? LEGEND_FIRST_BASELINE
                : legend.get(legend.size() - 1).y() + 10;
        for (Chart.Series s : chart.series()) {
            AxisScale ys = s.rightAxis() ? y2 : y;
            lines.add(new Line(s, PolylineDecimator.decimate(s.x(), s.y(), xMap(), yMap(ys))));
        }
        labels = LabelLayout.place(chartLabels, this::px, LEFT, RIGHT, top, BOTTOM, LABEL_FONT);
        if (hiddenNote == 1) {
            // The last legend entry is the note about labels; its text is known only now.
            LegendEntry note = legend.remove(legend.size() - 1);
            legend.add(new LegendEntry(note.x(), note.y(), null, 0, labels.describe()));
        }
        panel = panelChart == null ? null : new PanelLayout(panelChart, this);
    }

    private static double headroom(double max) {
        return max > AxisScale.LIMIT ? max : max * 1.05;
    }

    /** Series entries flow left to right in rows across the plot's width; the label note gets a row of its own. */
    private static List<LegendEntry> placeLegend(List<Chart.Series> series, int notes) {
        List<LegendEntry> entries = new ArrayList<>();
        double cx = LEFT;
        double cy = LEGEND_FIRST_BASELINE;
        for (Chart.Series s : series) {
            double w = 46 + s.name().length() * FONT * LabelLayout.CHAR_WIDTH + 18;
            if (cx > LEFT && cx + w > RIGHT) {
                cx = LEFT;
                cy += LEGEND_ROW;
            }
            entries.add(new LegendEntry(cx, cy, s.color(), s.width(), s.name()));
            cx += w;
        }
        if (notes > 0) {
            entries.add(new LegendEntry(LEFT, entries.isEmpty() ? cy : cy + LEGEND_ROW, null, 0, ""));
        }
        return entries;
    }

    double px(double v) {
        return xMap().toPixel(v);
    }

    double py(AxisScale s, double v) {
        return yMap(s).toPixel(v);
    }

    /** The x axis's map (also the activity panel's, which shares it). */
    PixelMap xMap() {
        return new PixelMap(LEFT, false, x.min(), x.max(), RIGHT - LEFT, -PIXEL_LIMIT, PIXEL_LIMIT);
    }

    private PixelMap yMap(AxisScale s) {
        return new PixelMap(BOTTOM, true, s.min(), s.max(), BOTTOM - top, -PIXEL_LIMIT, PIXEL_LIMIT);
    }

    /** Returns the canvas height: the chart's, and the panel's band when there is one. */
    int height() {
        return HEIGHT + (panel == null ? 0 : (int) PanelLayout.HEIGHT);
    }

    /** Returns the marks to draw, in order. */
    Scene scene() {
        return ChartPainter.paint(this);
    }
}
