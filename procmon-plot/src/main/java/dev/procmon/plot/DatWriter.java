package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a table as gnuplot data: a {@code #} header, then one whitespace-separated row per sample,
 * the sample's labels as a trailing {@code # comment}. The columns are {@link DatLayout}'s. Rows are
 * formatted digit by digit into byte buffers ({@link AsciiRow}): no object per row or value; a long
 * table is formatted in chunks on two threads and written in order.
 */
final class DatWriter {

    private DatWriter() {}

    static void write(OutputStream out, String logName, SampleTable table, DerivedSeries d) throws IOException {
        DatLayout layout = DatLayout.of(table);
        List<DatColumn> columns = layout.columns();
        int nc = columns.size();
        DoubleColumn[] values = new DoubleColumn[nc];
        double[] divisor = new double[nc];
        int[] kind = new int[nc];
        int[] decimals = new int[nc];
        for (int c = 0; c < nc; c++) {
            DatColumn column = columns.get(c);
            LogField f = column.field();
            kind[c] = f == LogField.TIMESTAMP ? 1 : f == LogField.PID ? 2 : 0;
            if (kind[c] == 0) {
                values[c] = column.values().apply(table, d);
            }
            divisor[c] = column.divisor();
            decimals[c] = column.decimals();
        }
        AsciiRow head = new AsciiRow();
        head.ascii("# procmon plot data: ")
                .utf8(OutputEscaper.datComment(logName))
                .ascii(" pid ")
                .integer(table.pid());
        if (table.run() > 1) {
            head.ascii(" run ").integer(table.run());
        }
        head.ch('\n');
        head.ascii("# MB = 1048576 bytes; CPU % of one core; NaN = not in the log, or not possible (docs/plot.md)\n");
        head.ascii("# ").ascii(layout.header()).ascii(" # label\n");
        head.writeTo(out);
        Rows rows = new Rows(table, values, divisor, kind, decimals);
        int n = table.size();
        if (n <= CHUNK) {
            rows.format(0, n, new AsciiRow()).writeTo(out);
            return;
        }
        // A million rows: formatted in chunks by a second thread and this one, written in order, at
        // most WINDOW chunks in memory.
        ExecutorService pool = Executors.newFixedThreadPool(FORMATTERS, r -> {
            Thread t = new Thread(r, "procmon-plot-dat-format");
            t.setDaemon(true);
            return t;
        });
        try {
            // WINDOW buffers, reused: the chunks cost no garbage once the buffers have grown.
            ArrayDeque<AsciiRow> free = new ArrayDeque<>();
            for (int i = 0; i < WINDOW; i++) {
                free.add(new AsciiRow());
            }
            ArrayDeque<Future<AsciiRow>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < n || !pending.isEmpty()) {
                while (next < n && !free.isEmpty()) {
                    int from = next;
                    int to = Math.min(n, from + CHUNK);
                    AsciiRow buffer = free.poll();
                    pending.add(pool.submit(() -> rows.format(from, to, buffer)));
                    next = to;
                }
                AsciiRow done = pending.poll().get();
                done.writeTo(out);
                free.add(done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing the .dat");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rows per chunk. */
    static final int CHUNK = 16_384;

    private static final int WINDOW = 4;
    private static final int FORMATTERS = 2;

    /** Formats a range of rows; safe to call from several threads (reads only). */
    private static final class Rows {
        private final SampleTable table;
        private final DoubleColumn[] values;
        private final double[] divisor;
        private final int[] kind;
        private final int[] decimals;
        private final List<SampleTable.Label> labels;

        Rows(SampleTable table, DoubleColumn[] values, double[] divisor, int[] kind, int[] decimals) {
            this.table = table;
            this.values = values;
            this.divisor = divisor;
            this.kind = kind;
            this.decimals = decimals;
            this.labels = table.labels();
        }

        /** @return {@code row}, holding rows {@code [from, to)} */
        AsciiRow format(int from, int to, AsciiRow row) {
            int nextLabel = firstLabelAtOrAfter(from);
            long pid = table.pid();
            int nc = kind.length;
            for (int i = from; i < to; i++) {
                for (int c = 0; c < nc; c++) {
                    if (c > 0) {
                        row.ch(' ');
                    }
                    switch (kind[c]) {
                        case 1 -> row.timestamp(table.timestamp.get(i));
                        case 2 -> row.integer(pid);
                        default -> {
                            double v = values[c].get(i);
                            row.decimal(divisor[c] == 1 ? v : v / divisor[c], decimals[c]);
                        }
                    }
                }
                String sep = " # ";
                while (nextLabel < labels.size() && labels.get(nextLabel).index() == i) {
                    row.ascii(sep)
                            .utf8(OutputEscaper.datComment(
                                    labels.get(nextLabel++).text()));
                    sep = " | ";
                }
                row.ch('\n');
            }
            return row;
        }

        /** Labels are in sample order: the first one at sample {@code i} or later. */
        private int firstLabelAtOrAfter(int i) {
            int lo = 0;
            int hi = labels.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (labels.get(mid).index() < i) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
