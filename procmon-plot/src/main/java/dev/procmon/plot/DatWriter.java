package dev.procmon.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a table as gnuplot data: a {@code #} header, then one whitespace-separated row per sample,
 * the sample's labels as a trailing {@code # comment}. See {@code docs/plot.md} for the columns.
 * Rows are formatted into one reused byte buffer ({@link AsciiRow}), no object per row.
 */
final class DatWriter {

    /** The column header, after {@code # }. */
    static final String COLUMNS =
            "t_s rss_mb pfaults_per_s user_s mean_cpu_pct inst_cpu_pct timestamp pid heap_used_mb system_s";

    private DatWriter() {
    }

    static void write(OutputStream out, String logName, SampleTable table, DerivedSeries d) throws IOException {
        AsciiRow row = new AsciiRow();
        row.ascii("# procmon plot data: ").utf8(OutputEscaper.datComment(logName)).ascii(" pid ").integer(table.pid());
        if (table.run() > 1) {
            row.ascii(" run ").integer(table.run());
        }
        row.ch('\n');
        row.ascii("# MB = 1048576 bytes; CPU % of one core; NaN = not in the log or not possible\n");
        row.ascii("# ").ascii(COLUMNS).ascii(" # label\n");
        List<SampleTable.Label> labels = table.labels();
        int nextLabel = 0;
        double[] rss = d.rssMb();
        double[] faults = d.faultsPerSecond();
        double[] mean = d.meanCpu();
        double[] instant = d.instantCpu();
        double[] heap = d.heapMb();
        long pid = table.pid();
        for (int i = 0; i < table.size(); i++) {
            row.decimal(table.elapsed.get(i), 6).ch(' ');
            row.decimal(rss[i], 3).ch(' ');
            row.decimal(faults[i], 1).ch(' ');
            row.decimal(table.user.get(i), 6).ch(' ');
            row.decimal(mean[i], 3).ch(' ');
            row.decimal(instant[i], 3).ch(' ');
            row.timestamp(table.timestamp.get(i)).ch(' ');
            row.integer(pid).ch(' ');
            row.decimal(heap[i], 3).ch(' ');
            row.decimal(table.system.get(i), 6);
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
