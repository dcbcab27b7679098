package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The activity panel under the memory/CPU chart, as a {@link Chart} with the same x values: I/O in
 * MB/s against the left axis (storage and system-call bytes, read and written), threads and open
 * descriptors against the right, each only when the log has it; null when it has none. Counters
 * logged every tenth line are drawn through the lines that have them (their points are compacted),
 * so a sparse series is still a line.
 */
final class PanelBuilder {

    /** The legend text of the cgroup limit line; the gnuplot script knows the line by it. */
    static final String MEMORY_LIMIT = "cgroup memory limit (MB), left axis";

    private PanelBuilder() {}

    static @Nullable Chart build(SampleTable table, DerivedSeries d, TimeAxis time) {
        DatLayout dat = DatLayout.of(table);
        double[] elapsed = table.column(LogField.ELAPSED_TIME).toArray();
        List<Chart.Series> series = new ArrayList<>();
        io(series, table, dat, d.x(), elapsed, LogField.READ_BYTES, "Disk read MB/s", "#1565c0", 1.5);
        io(series, table, dat, d.x(), elapsed, LogField.WRITE_BYTES, "Disk write MB/s", "#c62828", 1.5);
        io(series, table, dat, d.x(), elapsed, LogField.READ_CHARS, "read() MB/s", "#64b5f6", 1.0);
        io(series, table, dat, d.x(), elapsed, LogField.WRITE_CHARS, "write() MB/s", "#ef9a9a", 1.0);
        gauge(series, table, dat, d.x(), LogField.NUM_THREADS, "Threads (right)", "#2e7d32");
        gauge(series, table, dat, d.x(), LogField.NUM_FDS, "Open fds (right)", "#ef6c00");
        if (series.isEmpty()) {
            return null;
        }
        return new Chart(
                "",
                time == TimeAxis.CLOCK ? "Time of day" : "Elapsed time (s)",
                "I/O (MB/s)",
                "Threads, descriptors",
                time == TimeAxis.CLOCK,
                series,
                List.of());
    }

    /** The cgroup's memory limit as a line on the memory axis, or null when the log has none. */
    static Chart.@Nullable Series memoryLimit(SampleTable table, DerivedSeries d) {
        if (!table.has(LogField.CGROUP_MEMORY_MAX)) {
            return null;
        }
        double[] mb = table.column(LogField.CGROUP_MEMORY_MAX).toArray();
        double last = Double.NaN;
        for (int i = 0; i < mb.length; i++) {
            mb[i] /= DerivedSeries.MB;
            last = Double.isNaN(mb[i]) ? last : mb[i];
        }
        // A setting, read every tenth sample: it holds to the last sample.
        mb[mb.length - 1] = Double.isNaN(mb[mb.length - 1]) ? last : mb[mb.length - 1];
        return compact(
                MEMORY_LIMIT,
                "#000000",
                1.0,
                false,
                d.x(),
                mb,
                DatLayout.of(table).number(LogField.CGROUP_MEMORY_MAX));
    }

    private static void io(
            List<Chart.Series> series,
            SampleTable table,
            DatLayout dat,
            double[] x,
            double[] elapsed,
            LogField counter,
            String name,
            String color,
            double width) {
        if (!table.has(counter)) {
            return;
        }
        double[] rate = DerivedSeries.perSecond(elapsed, table.column(counter).toArray());
        for (int i = 0; i < rate.length; i++) {
            rate[i] /= DerivedSeries.MB;
        }
        series.add(compact(name, color, width, false, x, rate, dat.number(counter)));
    }

    private static void gauge(
            List<Chart.Series> series,
            SampleTable table,
            DatLayout dat,
            double[] x,
            LogField f,
            String name,
            String color) {
        if (table.has(f)) {
            series.add(compact(name, color, 1.5, true, x, table.column(f).toArray(), dat.number(f)));
        }
    }

    /** A series of the points where both x and y are known. */
    private static Chart.Series compact(
            String name, String color, double width, boolean right, double[] x, double[] y, int datColumn) {
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                n++;
            }
        }
        double[] cx = new double[n];
        double[] cy = new double[n];
        int j = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                cx[j] = x[i];
                cy[j++] = y[i];
            }
        }
        return new Chart.Series(name, color, width, right, cx, cy, datColumn, 1);
    }
}
