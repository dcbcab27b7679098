package dev.procmon.plot;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a table as gnuplot data: a {@code #} header, then one whitespace-separated row per sample,
 * the sample's labels as a trailing {@code # comment}. See {@code docs/plot.md} for the columns.
 */
final class DatWriter {

    /** The column header, after {@code # }. */
    static final String COLUMNS =
            "t_s rss_mb pfaults_per_s user_s mean_cpu_pct inst_cpu_pct timestamp pid heap_used_mb system_s";

    private DatWriter() {
    }

    static void write(Writer out, String logName, SampleTable table, DerivedSeries d) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        sb.append("# procmon plot data: ").append(OutputEscaper.datComment(logName)).append(" pid ").append(table.pid());
        if (table.run() > 1) {
            sb.append(" run ").append(table.run());
        }
        sb.append('\n');
        sb.append("# MB = 1048576 bytes; CPU % of one core; NaN = not in the log\n");
        sb.append("# ").append(COLUMNS).append(" # label\n");
        out.write(sb.toString());
        List<SampleTable.Label> labels = table.labels();
        int nextLabel = 0;
        for (int i = 0; i < table.size(); i++) {
            sb.setLength(0);
            DecimalText.append(sb, table.elapsed.get(i), 6).append(' ');
            DecimalText.append(sb, d.rssMb()[i], 3).append(' ');
            DecimalText.append(sb, d.faultsPerSecond()[i], 1).append(' ');
            DecimalText.append(sb, table.user.get(i), 6).append(' ');
            DecimalText.append(sb, d.meanCpu()[i], 3).append(' ');
            DecimalText.append(sb, d.instantCpu()[i], 3).append(' ');
            sb.append(TimestampText.format(table.timestamp.get(i))).append(' ');
            sb.append(table.pid()).append(' ');
            DecimalText.append(sb, d.heapMb()[i], 3).append(' ');
            DecimalText.append(sb, table.system.get(i), 6);
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
