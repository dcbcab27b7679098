package dev.procmon.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The report's phase table: one row per phase of a {@link RunSummary} (or per label interval when the
 * run has no phases), with the columns the log can fill (heap, GC and I/O only when logged).
 */
final class PhaseTable {

    private static final double MB = 1024.0 * 1024.0;

    /** Rows shown at most: a log with a label every few seconds has thousands of intervals. */
    static final int MAX_ROWS = 500;

    /** One column: header, value, decimals. */
    private record Column(String header, ToDoubleFunction<PhaseSummary> value, int decimals, boolean always) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("Start (s)", PhaseSummary::startSeconds, 3, true),
            new Column("Duration (s)", PhaseSummary::durationSeconds, 3, true),
            new Column("CPU (s)", PhaseSummary::cpuSeconds, 2, true),
            new Column("Mean CPU (%)", PhaseSummary::meanCpuPercent, 1, true),
            new Column("RSS start (MB)", p -> p.rssStartBytes() / MB, 1, true),
            new Column("RSS peak (MB)", p -> p.rssPeakBytes() / MB, 1, true),
            new Column("RSS end (MB)", p -> p.rssEndBytes() / MB, 1, true),
            new Column("RSS change (MB)", p -> p.rssChangeBytes() / MB, 1, true),
            new Column("Heap peak (MB)", p -> p.heapPeakBytes() / MB, 1, false),
            new Column("GC (s)", PhaseSummary::gcTimeSeconds, 3, false),
            new Column("Read (MB)", p -> p.ioReadBytes() / MB, 1, false),
            new Column("Written (MB)", p -> p.ioWriteBytes() / MB, 1, false));

    private PhaseTable() {}

    /** Returns the table, or none when the run has neither phases nor labels. */
    static List<ReportTable> of(RunSummary run) {
        List<PhaseSummary> spans = run.phases();
        if (spans.isEmpty()) {
            return List.of();
        }
        boolean phases = spans.get(0).kind() == PhaseSummary.Kind.PHASE;
        List<Column> shown = new ArrayList<>();
        for (Column c : COLUMNS) {
            if (c.always()
                    || spans.stream().anyMatch(p -> !Double.isNaN(c.value().applyAsDouble(p)))) {
                shown.add(c);
            }
        }
        List<String> header = new ArrayList<>();
        header.add(phases ? "Phase" : "From label");
        shown.forEach(c -> header.add(c.header()));
        List<List<String>> rows = new ArrayList<>();
        for (PhaseSummary p : spans.subList(0, Math.min(MAX_ROWS, spans.size()))) {
            List<String> row = new ArrayList<>();
            row.add("\u2003".repeat(p.depth()) + p.name() + (p.closed() ? "" : " (to the end)"));
            for (Column c : shown) {
                row.add(text(c.value().applyAsDouble(p), c.decimals()));
            }
            rows.add(row);
        }
        String title = phases ? "Phases" : "Between labels";
        if (spans.size() > MAX_ROWS) {
            title += " (the first " + MAX_ROWS + " of " + spans.size()
                    + "; the .summary.json file beside this report has them all)";
        }
        return List.of(new ReportTable(title, header, rows));
    }

    /**
     * The first {@code maxRows} rows as aligned text for a terminal (names with control characters
     * shown as {@code ?}, so a label cannot move the cursor or recolour the screen), header first,
     * then a line saying how many rows were left out.
     */
    static List<String> terminal(RunSummary run, int maxRows) {
        List<ReportTable> tables = of(run);
        if (tables.isEmpty()) {
            return List.of();
        }
        ReportTable t = tables.get(0);
        List<List<String>> rows = new ArrayList<>();
        rows.add(t.columns());
        for (List<String> row : t.rows().subList(0, Math.min(maxRows, t.rows().size()))) {
            List<String> clean = new ArrayList<>(row);
            String name = clean.get(0).replace('\u2003', ' ');
            clean.set(0, printable(name.length() > 40 ? name.substring(0, 39) + "\u2026" : name));
            rows.add(clean);
        }
        int[] width = new int[t.columns().size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder b = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(width[i] - cell.length());
                b.append(i == 0 ? cell + pad : pad + cell).append(i + 1 < row.size() ? "  " : "");
            }
            lines.add(b.toString().stripTrailing());
        }
        int total = run.phases().size();
        if (total > maxRows) {
            lines.add("  ... " + (total - maxRows) + " more in the report and the summary JSON");
        }
        return lines;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c)
                    || c == 0x2028
                    || c == 0x2029
                    || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE) {
                b.append('?');
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    static String text(double v, int decimals) {
        return Double.isNaN(v) ? "" : DecimalText.format(v, decimals);
    }
}
