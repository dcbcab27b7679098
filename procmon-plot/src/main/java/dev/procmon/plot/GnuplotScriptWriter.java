package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a gnuplot script that, run as {@code gnuplot NAME.plt} in the output directory, reads
 * {@code NAME.dat} and writes {@code NAME.svg}: the same picture as procmon's own renderers, because
 * ranges, tick steps, colours, the label markers (one per 4-pixel slot, capped like the drawing) and
 * their text positions are all read from the {@link ChartLayout}, and each series reads the {@code .dat}
 * column its {@link Chart.Series} names. With an activity panel the plot is a multiplot of the chart
 * and the panel ({@link GnuplotActivityPanel}). Every string is a single-quoted
 * gnuplot string from {@link OutputEscaper#gnuplotString}, and the terminal is {@code noenhanced}, so
 * label text is only ever text. The output name is the variable {@code procmon_output} when it is
 * already set ({@code gnuplot -e}), so procmon can have gnuplot write into a private directory.
 */
final class GnuplotScriptWriter {

    /** The gnuplot variable that holds the last cgroup limit read, so its line reaches the last sample. */
    private static final String HELD = "procmon_limit";

    private GnuplotScriptWriter() {}

    static void write(Writer out, String name, ChartLayout layout) throws IOException {
        Chart chart = layout.chart;
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# Written by procmon plot. Run in this directory: gnuplot ")
                .append(name)
                .append(".plt\n");
        sb.append("set terminal svg size ")
                .append(ChartLayout.WIDTH)
                .append(',')
                .append(layout.height())
                .append(" noenhanced font 'Helvetica,12' background '#ffffff'\n");
        sb.append("if (!exists('procmon_output')) procmon_output = ")
                .append(OutputEscaper.gnuplotString(name + ".svg"))
                .append('\n');
        sb.append("set output procmon_output\n");
        if (layout.panel == null) {
            // With the panel, the title is the multiplot's (GnuplotActivityPanel).
            sb.append("set title ")
                    .append(OutputEscaper.gnuplotString(chart.title()))
                    .append('\n');
        }
        sb.append("set datafile missing 'NaN'\n");
        sb.append("set grid\n");
        if (layout.panel == null) {
            sb.append("set key tmargin left horizontal\n");
        }
        sb.append("set xlabel ")
                .append(OutputEscaper.gnuplotString(chart.xTitle()))
                .append('\n');
        sb.append("set ylabel ")
                .append(OutputEscaper.gnuplotString(chart.yTitle()))
                .append('\n');
        sb.append("set y2label ")
                .append(OutputEscaper.gnuplotString(chart.y2Title()))
                .append('\n');
        if (chart.clock()) {
            sb.append("set xdata time\nset timefmt '%Y-%m-%dT%H:%M:%S'\nset format x '%H:%M:%S'\n");
            sb.append("set xrange [")
                    .append(xValue(layout, layout.x.min()))
                    .append(':')
                    .append(xValue(layout, layout.x.max()))
                    .append("]\n");
        } else {
            sb.append("set xrange [")
                    .append(number(layout.x.min()))
                    .append(':')
                    .append(number(layout.x.max()))
                    .append("]\n");
        }
        sb.append("set xtics ").append(number(tickStep(layout.x))).append('\n');
        sb.append("set yrange [")
                .append(number(layout.y.min()))
                .append(':')
                .append(number(layout.y.max()))
                .append("]\n");
        sb.append("set y2range [")
                .append(number(layout.y2.min()))
                .append(':')
                .append(number(layout.y2.max()))
                .append("]\n");
        sb.append("set ytics ").append(number(tickStep(layout.y))).append(" nomirror\n");
        sb.append("set y2tics ").append(number(tickStep(layout.y2))).append('\n');
        int n = 0;
        double height = ChartLayout.BOTTOM - layout.top;
        for (LabelLayout.Placed p : layout.labels.placed()) {
            n++;
            String x = xValue(layout, p.label().x());
            sb.append("set arrow ")
                    .append(n)
                    .append(" from ")
                    .append(x)
                    .append(", graph 0 to ")
                    .append(x)
                    .append(", graph 1 nohead dt (4,3) lc rgb '")
                    .append(ChartLayout.MARKER)
                    .append("'\n");
            if (p.text() != null) {
                double from = (ChartLayout.BOTTOM - p.textBottom()) / height;
                sb.append("set label ")
                        .append(n)
                        .append(' ')
                        .append(OutputEscaper.gnuplotString(p.text()))
                        .append(" at ")
                        .append(x)
                        .append(", graph ")
                        .append(DecimalText.format(from, 3))
                        .append(" rotate by 90 left offset character 1,0 tc rgb '")
                        .append(ChartLayout.LABEL_TEXT)
                        .append("' font ',")
                        .append(DecimalText.format(ChartLayout.LABEL_FONT, 0))
                        .append("'\n");
            }
        }
        String data = OutputEscaper.gnuplotString(name + ".dat");
        int xColumn = DatLayout.fixedNumber(chart.clock() ? LogField.TIMESTAMP : LogField.ELAPSED_TIME);
        if (layout.panel == null) {
            plot(sb, chart.series(), data, xColumn);
        } else {
            GnuplotActivityPanel.write(sb, layout, layout.panel, data, xColumn);
        }
        out.write(sb.toString());
    }

    /** Appends a {@code plot} command drawing the series from the {@code .dat} columns they name. */
    static void plot(StringBuilder sb, List<Chart.Series> series, String data, int xColumn) {
        for (Chart.Series s : series) {
            if (s.name().equals(PanelBuilder.MEMORY_LIMIT)) {
                // A setting read every tenth sample, drawn through the last sample (as the chart holds it).
                sb.append(HELD).append(" = NaN\n");
            }
        }
        sb.append("plot ");
        boolean first = true;
        for (Chart.Series s : series) {
            if (!first) {
                sb.append(", \\\n     ");
            }
            sb.append(first ? data : "''").append(" using ").append(xColumn).append(':');
            if (s.name().equals(PanelBuilder.MEMORY_LIMIT)) {
                sb.append("(valid(")
                        .append(s.datColumn())
                        .append(") ? (")
                        .append(HELD)
                        .append(" = column(")
                        .append(s.datColumn())
                        .append(")) : ")
                        .append(HELD)
                        .append(')');
            } else if (s.scale() == 1) {
                sb.append(s.datColumn());
            } else {
                sb.append("($")
                        .append(s.datColumn())
                        .append('/')
                        .append(DecimalText.format(s.scale(), 1))
                        .append(')');
            }
            sb.append(" axes x1")
                    .append(s.rightAxis() ? "y2" : "y1")
                    .append(" title ")
                    .append(OutputEscaper.gnuplotString(s.name()))
                    .append(" with lines lw ")
                    .append(DecimalText.format(s.width(), 1))
                    .append(" lc rgb '")
                    .append(s.color())
                    .append('\'');
            first = false;
        }
        sb.append('\n');
    }

    /** The step between drawn ticks (a multiple of the scale's step when the range is capped). */
    static double tickStep(AxisScale s) {
        List<Double> t = s.ticks();
        return t.size() > 1 ? t.get(1) - t.get(0) : s.step();
    }

    private static String xValue(ChartLayout layout, double x) {
        return layout.chart.clock()
                ? OutputEscaper.gnuplotString(TimestampText.format(Math.round(x * 1e6)))
                : number(x);
    }

    static String number(double v) {
        return DecimalText.format(v, 6);
    }
}
