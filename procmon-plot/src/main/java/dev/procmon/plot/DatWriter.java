package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a table as gnuplot data: a {@code #} header, then one whitespace-separated row per sample,
 * the sample's labels as a trailing {@code # comment}. The columns are {@link DatLayout}'s (see
 * {@code docs/plot.md}). Rows are formatted into one reused byte buffer ({@link AsciiRow}), no object
 * per row.
 */
final class DatWriter {

    private DatWriter() {
    }

    static void write(OutputStream out, String logName, SampleTable table, DerivedSeries d) throws IOException {
        DatLayout layout = DatLayout.of(table);
        List<DatColumn> columns = layout.columns();
        int width = columns.size();
        double[][] values = new double[width][];
        int[] decimals = new int[width];
        LogField[] fields = new LogField[width];
        for (int c = 0; c < width; c++) {
            DatColumn column = columns.get(c);
            fields[c] = column.field();
            decimals[c] = column.decimals();
            if (fields[c] != LogField.TIMESTAMP && fields[c] != LogField.PID) {
                values[c] = column.values().apply(table, d);
            }
        }
        AsciiRow row = new AsciiRow();
        row.ascii("# procmon plot data: ").utf8(OutputEscaper.datComment(logName)).ascii(" pid ").integer(table.pid());
        if (table.run() > 1) {
            row.ascii(" run ").integer(table.run());
        }
        row.ch('\n');
        row.ascii("# MB = 1048576 bytes; CPU % of one core; NaN = not in the log or not possible\n");
        row.ascii("# ").ascii(layout.header()).ascii(" # label\n");
        List<SampleTable.Label> labels = table.labels();
        int nextLabel = 0;
        long pid = table.pid();
        for (int i = 0; i < table.size(); i++) {
            for (int c = 0; c < width; c++) {
                if (c > 0) {
                    row.ch(' ');
                }
                if (fields[c] == LogField.TIMESTAMP) {
                    row.timestamp(table.timestamp.get(i));
                } else if (fields[c] == LogField.PID) {
                    row.integer(pid);
                } else {
                    row.decimal(values[c][i], decimals[c]);
                }
            }
            String sep = " # ";
            while (nextLabel < labels.size() && labels.get(nextLabel).index() == i) {
                row.ascii(sep).utf8(OutputEscaper.datComment(labels.get(nextLabel++).text()));
                sep = " | ";
            }
            row.ch('\n');
            if (row.size() > (1 << 15)) {
                row.writeTo(out);
            }
        }
        row.writeTo(out);
    }
}
