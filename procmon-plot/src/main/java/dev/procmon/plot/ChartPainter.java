package dev.procmon.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The one painter: turns a {@link ChartLayout} into the {@link Scene} every renderer draws (grid,
 * frame, tick and axis texts, title, clipped series lines, label markers and texts, legend). Positions,
 * colours, fonts and texts are decided here and nowhere else.
 */
final class ChartPainter {

    private static final double[] MARKER_DASH = {4, 3};

    private ChartPainter() {}

    static Scene paint(ChartLayout l) {
        double left = ChartLayout.LEFT;
        double right = ChartLayout.RIGHT;
        double top = l.top;
        double bottom = ChartLayout.BOTTOM;
        List<Mark> marks = new ArrayList<>();

        List<double[]> grid = new ArrayList<>();
        for (double t : l.x.ticks()) {
            double x = l.px(t);
            grid.add(new double[] {x, top, x, bottom});
        }
        for (double t : l.y.ticks()) {
            double y = l.py(l.y, t);
            grid.add(new double[] {left, y, right, y});
        }
        marks.add(new Mark.Lines(ChartLayout.GRID, 1, null, false, grid));
        marks.add(new Mark.Box(left, top, right - left, bottom - top, null, 0, ChartLayout.AXIS));

        for (double t : l.x.ticks()) {
            marks.add(text(l.px(t), bottom + 18, 0.5, l.x.label(t)));
        }
        for (double t : l.y.ticks()) {
            marks.add(text(left - 6, l.py(l.y, t) + 4, 1, l.y.label(t)));
        }
        for (double t : l.y2.ticks()) {
            marks.add(text(right + 6, l.py(l.y2, t) + 4, 0, l.y2.label(t)));
        }
        Chart c = l.chart;
        marks.add(text((left + right) / 2, ChartLayout.HEIGHT - 22, 0.5, c.xTitle()));
        marks.add(new Mark.Text(
                22, (top + bottom) / 2, 0.5, true, c.yTitle(), null, ChartLayout.FONT, false, ChartLayout.AXIS));
        marks.add(new Mark.Text(
                ChartLayout.WIDTH - 16,
                (top + bottom) / 2,
                0.5,
                true,
                c.y2Title(),
                null,
                ChartLayout.FONT,
                false,
                ChartLayout.AXIS));
        marks.add(new Mark.Text(
                ChartLayout.WIDTH / 2.0,
                ChartLayout.TITLE_BASELINE,
                0.5,
                false,
                OutputEscaper.plain(c.title()),
                null,
                ChartLayout.TITLE_FONT,
                true,
                ChartLayout.AXIS));

        for (ChartLayout.Line line : l.lines) {
            marks.add(new Mark.Lines(line.series().color(), line.series().width(), null, true, line.runs()));
        }

        List<double[]> markers = new ArrayList<>();
        for (LabelLayout.Placed p : l.labels.placed()) {
            markers.add(new double[] {p.x(), top, p.x(), bottom});
        }
        if (!markers.isEmpty()) {
            marks.add(new Mark.Lines(ChartLayout.MARKER, 1, MARKER_DASH, false, markers));
        }
        for (LabelLayout.Placed p : l.labels.placed()) {
            if (p.text() != null) {
                String full = p.shortened() ? OutputEscaper.plain(p.label().text()) : null;
                marks.add(new Mark.Text(
                        p.x() + ChartLayout.LABEL_FONT,
                        p.textBottom(),
                        0,
                        true,
                        p.text(),
                        full,
                        ChartLayout.LABEL_FONT,
                        false,
                        ChartLayout.LABEL_TEXT));
            }
        }

        for (ChartLayout.LegendEntry e : l.legend) {
            double tx = e.x();
            if (e.color() != null) {
                marks.add(new Mark.Lines(e.color(), Math.max(2, e.width()), null, false, List.of(new double[] {
                    e.x(), e.y() - 4, e.x() + 28, e.y() - 4
                })));
                tx += 36;
            }
            marks.add(text(tx, e.y(), 0, e.text()));
        }
        if (l.panel != null) {
            marks.addAll(l.panel.marks());
            // The events are marked through the panel too (their texts stay in the chart above).
            List<double[]> panelMarkers = new ArrayList<>();
            for (double[] m : markers) {
                panelMarkers.add(new double[] {m[0], PanelLayout.TOP, m[2], PanelLayout.BOTTOM});
            }
            if (!panelMarkers.isEmpty()) {
                marks.add(new Mark.Lines(ChartLayout.MARKER, 1, MARKER_DASH, false, panelMarkers));
            }
        }
        return new Scene(
                ChartLayout.WIDTH,
                l.height(),
                new double[] {left, top, right - left, bottom - top},
                OutputEscaper.plain(c.title()),
                marks);
    }

    private static Mark.Text text(double x, double y, double anchor, String s) {
        return new Mark.Text(x, y, anchor, false, s, null, ChartLayout.FONT, false, ChartLayout.AXIS);
    }
}
