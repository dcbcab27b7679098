package dev.procmon.plot;

import java.util.List;

/**
 * The end of the gnuplot script for a chart with an activity panel ({@link PanelLayout}): a {@code
 * multiplot} of the main chart on top and the panel under it, each plot area placed where the layout
 * puts it (so the two share their x pixels as in procmon's SVG and PNG), the panel with its own
 * ranges, ticks, axis titles and series read from the {@link PanelLayout}. The label markers (gnuplot
 * arrows) stay set for the panel, so events are marked in both; the label texts only in the chart.
 */
final class GnuplotActivityPanel {

    private GnuplotActivityPanel() {}

    /**
     * Appends the two plots; the script before has set the terminal (of the layout's full height), the
     * chart's axes, labels and markers.
     */
    static void write(StringBuilder sb, ChartLayout layout, PanelLayout panel, String data, int xColumn) {
        double height = layout.height();
        sb.append("set multiplot title ")
                .append(OutputEscaper.gnuplotString(layout.chart.title()))
                .append(" font ',")
                .append(DecimalText.format(ChartLayout.TITLE_FONT, 0))
                .append("'\n");
        margins(sb, layout.top, ChartLayout.BOTTOM, height);
        sb.append("unset key\n");
        int markers = layout.labels.placed().size();
        int end = legend(sb, layout.legend, height, markers + 1);
        GnuplotScriptWriter.plot(sb, layout.chart.series(), data, xColumn);
        for (int n = markers + 1; n < end; n++) {
            sb.append("unset arrow ").append(n).append('\n');
        }

        Chart chart = panel.chart;
        sb.append("unset title\nunset label\nunset xlabel\n");
        margins(sb, PanelLayout.TOP, PanelLayout.BOTTOM, height);
        legend(sb, panel.legend, height, markers + 1);
        sb.append("set ylabel ")
                .append(OutputEscaper.gnuplotString(chart.yTitle()))
                .append('\n');
        sb.append("set y2label ")
                .append(OutputEscaper.gnuplotString(chart.y2Title()))
                .append('\n');
        range(sb, "yrange", panel.y);
        range(sb, "y2range", panel.y2);
        sb.append("set ytics ")
                .append(GnuplotScriptWriter.number(GnuplotScriptWriter.tickStep(panel.y)))
                .append(" nomirror\n");
        sb.append("set y2tics ")
                .append(GnuplotScriptWriter.number(GnuplotScriptWriter.tickStep(panel.y2)))
                .append('\n');
        GnuplotScriptWriter.plot(sb, chart.series(), data, xColumn);
        sb.append("unset multiplot\n");
    }

    /** The plot area from canvas pixels {@code top} to {@code bottom}, between the layout's left and right. */
    private static void margins(StringBuilder sb, double top, double bottom, double height) {
        sb.append("set lmargin at screen ")
                .append(screenText(ChartLayout.LEFT / ChartLayout.WIDTH))
                .append('\n');
        sb.append("set rmargin at screen ")
                .append(screenText(ChartLayout.RIGHT / ChartLayout.WIDTH))
                .append('\n');
        // gnuplot's screen y runs up from the bottom; the layout's pixels run down from the top.
        sb.append("set tmargin at screen ")
                .append(screenText(screen(top, height)))
                .append('\n');
        sb.append("set bmargin at screen ")
                .append(screenText(screen(bottom, height)))
                .append('\n');
    }

    /**
     * Draws the layout's legend where the layout puts it, swatch then text, as screen-placed arrows and
     * labels numbered from {@code tag} (gnuplot's own key cannot hold entries of different widths in
     * one row), and returns the next free number. gnuplot's key is off.
     */
    private static int legend(StringBuilder sb, List<ChartLayout.LegendEntry> legend, double height, int tag) {
        int n = tag;
        for (ChartLayout.LegendEntry e : legend) {
            double tx = e.x();
            if (e.color() != null) {
                double y = screen(e.y() - 4, height);
                sb.append("set arrow ")
                        .append(n)
                        .append(" from screen ")
                        .append(screenText(e.x() / ChartLayout.WIDTH))
                        .append(',')
                        .append(screenText(y))
                        .append(" to screen ")
                        .append(screenText((e.x() + 28) / ChartLayout.WIDTH))
                        .append(',')
                        .append(screenText(y))
                        .append(" nohead front lw ")
                        .append(DecimalText.format(Math.max(2, e.width()), 1))
                        .append(" lc rgb '")
                        .append(e.color())
                        .append("'\n");
                tx += 36;
            }
            // gnuplot centres a label's text on its point: a third of the font above the baseline.
            sb.append("set label ")
                    .append(n)
                    .append(' ')
                    .append(OutputEscaper.gnuplotString(e.text()))
                    .append(" at screen ")
                    .append(screenText(tx / ChartLayout.WIDTH))
                    .append(',')
                    .append(screenText(screen(e.y() - ChartLayout.FONT / 3, height)))
                    .append(" left front tc rgb '")
                    .append(ChartLayout.AXIS)
                    .append("'\n");
            n++;
        }
        return n;
    }

    /** Screen y (0 at the bottom) of a canvas pixel row (0 at the top). */
    private static double screen(double pixelY, double height) {
        return 1 - pixelY / height;
    }

    private static void range(StringBuilder sb, String which, AxisScale s) {
        sb.append("set ")
                .append(which)
                .append(" [")
                .append(GnuplotScriptWriter.number(s.min()))
                .append(':')
                .append(GnuplotScriptWriter.number(s.max()))
                .append("]\n");
    }

    private static String screenText(double fraction) {
        return DecimalText.format(fraction, 6);
    }
}
