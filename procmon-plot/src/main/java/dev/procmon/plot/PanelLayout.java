package dev.procmon.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The activity panel ({@link PanelBuilder}) placed in a band under the main chart, on the main
 * chart's x scale so the two line up: its own left and right scales, decimated lines and a legend
 * row above its plot area. {@link #marks()} is what the painter adds to the scene.
 */
final class PanelLayout {

    /** How much taller the canvas gets for the panel. */
    static final double HEIGHT = 250;
    /** The panel's plot area, in canvas pixels. */
    static final double TOP = ChartLayout.HEIGHT + 36;

    static final double BOTTOM = ChartLayout.HEIGHT + HEIGHT - 36;

    final Chart chart;
    final AxisScale y;
    final AxisScale y2;
    final List<ChartLayout.Line> lines = new ArrayList<>();
    final List<ChartLayout.LegendEntry> legend = new ArrayList<>();
    private final ChartLayout main;

    PanelLayout(Chart chart, ChartLayout main) {
        this.chart = chart;
        this.main = main;
        double yMax = 0;
        double y2Max = 0;
        for (Chart.Series s : chart.series()) {
            for (double v : s.y()) {
                if (Double.isFinite(v)) {
                    if (s.rightAxis()) {
                        y2Max = Math.max(y2Max, v);
                    } else {
                        yMax = Math.max(yMax, v);
                    }
                }
            }
        }
        y = AxisScale.nice(0, yMax > 0 ? Math.min(yMax * 1.05, AxisScale.LIMIT) : 1, 5);
        y2 = AxisScale.nice(0, y2Max > 0 ? Math.min(y2Max * 1.05, AxisScale.LIMIT) : 1, 5);
        double cx = ChartLayout.LEFT;
        double cy = ChartLayout.HEIGHT + 20;
        for (Chart.Series s : chart.series()) {
            AxisScale ys = s.rightAxis() ? y2 : y;
            lines.add(new ChartLayout.Line(s, PolylineDecimator.decimate(s.x(), s.y(), main.xMap(), yMap(ys))));
            legend.add(new ChartLayout.LegendEntry(cx, cy, s.color(), s.width(), s.name()));
            cx += 46 + s.name().length() * ChartLayout.FONT * LabelLayout.CHAR_WIDTH + 18;
        }
    }

    static double py(AxisScale s, double v) {
        return yMap(s).toPixel(v);
    }

    private static PixelMap yMap(AxisScale s) {
        return new PixelMap(BOTTOM, true, s.min(), s.max(), BOTTOM - TOP, TOP - 1, BOTTOM + 1);
    }

    /** Returns the panel's marks: grid, frame, tick and axis texts, lines, legend. */
    List<Mark> marks() {
        double left = ChartLayout.LEFT;
        double right = ChartLayout.RIGHT;
        List<Mark> marks = new ArrayList<>();
        List<double[]> grid = new ArrayList<>();
        for (double t : main.x.ticks()) {
            double x = main.px(t);
            grid.add(new double[] {x, TOP, x, BOTTOM});
        }
        for (double t : y.ticks()) {
            grid.add(new double[] {left, py(y, t), right, py(y, t)});
        }
        marks.add(new Mark.Lines(ChartLayout.GRID, 1, null, false, grid));
        marks.add(new Mark.Box(left, TOP, right - left, BOTTOM - TOP, null, 0, ChartLayout.AXIS));
        for (double t : main.x.ticks()) {
            marks.add(text(main.px(t), BOTTOM + 18, 0.5, main.x.label(t)));
        }
        for (double t : y.ticks()) {
            marks.add(text(left - 6, py(y, t) + 4, 1, y.label(t)));
        }
        for (double t : y2.ticks()) {
            marks.add(text(right + 6, py(y2, t) + 4, 0, y2.label(t)));
        }
        marks.add(new Mark.Text(
                22, (TOP + BOTTOM) / 2, 0.5, true, chart.yTitle(), null, ChartLayout.FONT, false, ChartLayout.AXIS));
        marks.add(new Mark.Text(
                ChartLayout.WIDTH - 16,
                (TOP + BOTTOM) / 2,
                0.5,
                true,
                chart.y2Title(),
                null,
                ChartLayout.FONT,
                false,
                ChartLayout.AXIS));
        // The lines stay inside the band by construction (py holds them to it): not clipped to the
        // main chart's plot area, which is the scene's one clip.
        for (ChartLayout.Line line : lines) {
            marks.add(new Mark.Lines(line.series().color(), line.series().width(), null, false, line.runs()));
        }
        for (ChartLayout.LegendEntry e : legend) {
            // Every panel legend entry is a series, with a colour (only the main chart has notes).
            marks.add(new Mark.Lines(
                    java.util.Objects.requireNonNull(e.color()),
                    Math.max(2, e.width()),
                    null,
                    false,
                    List.of(new double[] {e.x(), e.y() - 4, e.x() + 28, e.y() - 4})));
            marks.add(text(e.x() + 36, e.y(), 0, e.text()));
        }
        return marks;
    }

    private static Mark.Text text(double x, double y, double anchor, String s) {
        return new Mark.Text(x, y, anchor, false, s, null, ChartLayout.FONT, false, ChartLayout.AXIS);
    }
}
