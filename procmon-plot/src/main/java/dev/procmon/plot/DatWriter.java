package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a table as gnuplot data: a {@code #} header, then one whitespace-separated row per sample,
 * the sample's labels as a trailing {@code # comment}. The columns are {@link DatLayout}'s.
 */
final class DatWriter {

    private DatWriter() {
    }

    static void write(Writer out, String logName, SampleTable table, DerivedSeries d) throws IOException {
        DatLayout layout = DatLayout.of(table);
        List<DatColumn> columns = layout.columns();
        double[][] values = new double[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            values[c] = columns.get(c).values().apply(table, d);
        }
        StringBuilder sb = new StringBuilder(256);
        sb.append("# procmon plot data: ").append(OutputEscaper.datComment(logName)).append(" pid ").append(table.pid());
        if (table.run() > 1) {
            sb.append(" run ").append(table.run());
        }
        sb.append('\n');
        sb.append("# MB = 1048576 bytes; CPU % of one core; NaN = not in the log\n");
        sb.append("# ").append(layout.header()).append(" # label\n");
        out.write(sb.toString());
        List<SampleTable.Label> labels = table.labels();
        int nextLabel = 0;
        for (int i = 0; i < table.size(); i++) {
            sb.setLength(0);
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    sb.append(' ');
                }
                LogField f = columns.get(c).field();
                if (f == LogField.TIMESTAMP) {
                    sb.append(TimestampText.format(table.timestamp.get(i)));
                } else if (f == LogField.PID) {
                    sb.append(table.pid());
                } else {
                    DecimalText.append(sb, values[c][i], columns.get(c).decimals());
                }
            }
            String sep = " # ";
            while (nextLabel < labels.size() && labels.get(nextLabel).index() == i) {
                sb.append(sep).append(OutputEscaper.datComment(labels.get(nextLabel++).text()));
                sep = " | ";
            }
            sb.append('\n');
            out.write(sb.toString());
        }
    }
}
