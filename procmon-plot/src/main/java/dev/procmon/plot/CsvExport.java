package dev.procmon.plot;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes an export as CSV (RFC 4180, {@code \n} line ends): a header row of {@code name (unit)},
 * then one row per sample; an empty cell where the sample does not have the value. The labels cell
 * is a JSON array ({@link JsonlExport#labels}), so a label can hold any text, and a cell never starts
 * with {@code = + - @} (no formula when opened in a spreadsheet).
 */
final class CsvExport {

    private CsvExport() {}

    static void write(Writer out, ExportLayout layout, List<SampleTable> tables) throws IOException {
        StringBuilder sb = new StringBuilder(512);
        sb.append(ExportLayout.PID)
                .append(',')
                .append(ExportLayout.RUN)
                .append(',')
                .append(ExportLayout.TIMESTAMP)
                .append(" (local time)");
        for (ExportColumn c : layout.columns) {
            sb.append(',').append(c.name()).append(" (").append(c.unit()).append(')');
        }
        sb.append(',').append(ExportLayout.LABELS).append('\n');
        out.write(sb.toString());
        for (SampleTable t : tables) {
            ExportLayout.Row row = layout.new Row(t);
            for (int i = 0; i < t.size(); i++) {
                sb.setLength(0);
                sb.append(t.pid()).append(',').append(t.run()).append(',');
                long stamp = t.timestamp.get(i);
                if (stamp != Sample.NO_TIMESTAMP) {
                    sb.append(TimestampText.format(stamp));
                }
                for (int c = 0; c < layout.columns.size(); c++) {
                    sb.append(',');
                    double v = row.value(c, i);
                    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                        sb.append(ExportLayout.number(v, layout.columns.get(c).integral()));
                    }
                }
                sb.append(',');
                List<SampleTable.Label> labels = row.labels(i);
                if (!labels.isEmpty()) {
                    quoted(sb, JsonlExport.labels(labels));
                }
                sb.append('\n');
                out.write(sb.toString());
            }
        }
    }

    /** An RFC 4180 quoted field: quotes doubled. */
    private static void quoted(StringBuilder sb, String text) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                sb.append('"');
            }
            sb.append(ch);
        }
        sb.append('"');
    }
}
