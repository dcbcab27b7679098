package dev.procmon.plot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the samples of process runs as CSV or JSON Lines: one row per sample with every field of
 * the log as logged and the derived figures (CPU time and %, rates of the cumulative counters), a
 * header naming each column's unit. The text is ASCII (labels are JSON-escaped). See
 * {@code docs/check.md}.
 *
 * <pre>{@code
 * ProcmonLog log = ProcmonLog.read(Path.of("app.log"));
 * try (Writer out = Files.newBufferedWriter(Path.of("app.csv"))) {
 *     LogExport.write(log.runs(), ExportFormat.CSV, out);
 * }
 * }</pre>
 */
public final class LogExport {

    private LogExport() {}

    /**
     * Writes the runs' samples as one table.
     *
     * @param runs the runs, written one after another (one header for all)
     * @param format CSV or JSON Lines
     * @param out where to write (left open, flushed)
     * @throws IOException if writing fails
     */
    public static void write(List<ProcessRun> runs, ExportFormat format, Writer out) throws IOException {
        List<SampleTable> tables = new ArrayList<>();
        for (ProcessRun r : runs) {
            tables.add(r.table());
        }
        ExportLayout layout = new ExportLayout(tables);
        Writer w = new BufferedWriter(out, 1 << 16);
        switch (format) {
            case CSV -> CsvExport.write(w, layout, tables);
            case JSONL -> JsonlExport.write(w, layout, tables);
            default -> throw new IllegalArgumentException(format.name());
        }
        w.flush();
    }
}
