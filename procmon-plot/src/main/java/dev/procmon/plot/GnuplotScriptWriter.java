package dev.procmon.plot;

import dev.procmon.core.LogField;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a gnuplot script that, run as {@code gnuplot NAME.plt} in the output directory, reads
 * {@code NAME.dat} and writes {@code NAME.svg} in TotalDepth's style: memory on the left axis, CPU %
 * and page faults on the right, each label a vertical arrow with its text rotated beside it (staggered
 * like procmon's own renderer). Every string is a single-quoted gnuplot string from
 * {@link OutputEscaper#gnuplotString}, and the terminal is {@code noenhanced}, so label text is only
 * ever text.
 */
final class GnuplotScriptWriter {

    private GnuplotScriptWriter() {
    }

    static void write(Writer out, String name, ChartLayout layout) throws IOException {
        Chart chart = layout.chart;
        StringBuilder sb = new StringBuilder(4096);
        sb.append("# Written by procmon plot. Run in this directory: gnuplot ").append(name).append(".plt\n");
        sb.append("set terminal svg size ").append(ChartLayout.WIDTH).append(',').append(ChartLayout.HEIGHT)
                .append(" noenhanced font 'Helvetica,12' background '#ffffff'\n");
        sb.append("set output ").append(OutputEscaper.gnuplotString(name + ".svg")).append('\n');
        sb.append("set title ").append(OutputEscaper.gnuplotString(chart.title())).append('\n');
        sb.append("set datafile missing 'NaN'\n");
        sb.append("set grid\n");
        sb.append("set key top right opaque box\n");
        sb.append("set xlabel ").append(OutputEscaper.gnuplotString(chart.xTitle())).append('\n');
        sb.append("set ylabel ").append(OutputEscaper.gnuplotString(chart.yTitle())).append('\n');
        sb.append("set y2label ").append(OutputEscaper.gnuplotString(chart.y2Title())).append('\n');
        sb.append("set yrange [0:*]\nset y2range [0:*]\nset ytics nomirror\nset y2tics\n");
        if (chart.clock()) {
            sb.append("set xdata time\nset timefmt '%Y-%m-%dT%H:%M:%S'\nset format x '%H:%M:%S'\n");
        }
        double height = ChartLayout.BOTTOM - ChartLayout.TOP;
        int n = 0;
        for (LabelLayout.Placed p : layout.labels) {
            n++;
            double labelX = chart.labels().get(n - 1).x();
            String x = chart.clock()
                    ? OutputEscaper.gnuplotString(TimestampText.format(Math.round(labelX * 1e6)))
                    : DecimalText.format(labelX, 6);
            double from = p.text() == null ? 0.3 : (ChartLayout.BOTTOM - p.textBottom()) / height;
            String fromText = DecimalText.format(from, 3);
            sb.append("set arrow ").append(n).append(" from ").append(x).append(", graph ").append(fromText)
                    .append(" to ").append(x).append(", graph 0 head filled lc rgb '#555555'\n");
            if (p.text() != null) {
                sb.append("set label ").append(n).append(' ').append(OutputEscaper.gnuplotString(p.text()))
                        .append(" at ").append(x).append(", graph ").append(DecimalText.format(from + 0.01, 3))
                        .append(" rotate by 90 left font ',10'\n");
            }
        }
        sb.append("plot ");
        String data = OutputEscaper.gnuplotString(name + ".dat");
        int xColumn = DatLayout.fixedNumber(chart.clock() ? LogField.TIMESTAMP : LogField.ELAPSED_TIME);
        boolean first = true;
        for (Chart.Series s : chart.series()) {
            if (!first) {
                sb.append(", \\\n     ");
            }
            sb.append(first ? data : "''").append(" using ").append(xColumn).append(':');
            if (s.scale() == 1) {
                sb.append(s.datColumn());
            } else {
                sb.append("($").append(s.datColumn()).append('/').append(DecimalText.format(s.scale(), 1)).append(')');
            }
            sb.append(" axes x1").append(s.rightAxis() ? "y2" : "y1").append(" title ")
                    .append(OutputEscaper.gnuplotString(s.name())).append(" with lines lw ")
                    .append(DecimalText.format(s.width(), 1)).append(" lc rgb '").append(s.color()).append('\'');
            first = false;
        }
        sb.append('\n');
        out.write(sb.toString());
    }
}
