package dev.procmon.plot;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.procmon.core.LogField;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One process run as the HTML report carries it: the chart's series (the same ones the SVG and PNG
 * draw, each encoded by {@link ColumnCodec} at full resolution), elapsed and wall-clock time per
 * sample, labels by sample index, phases, and the offset that aligns it with other runs.
 *
 * @param name how the page names the run (log file and pid)
 * @param table the samples
 * @param chart the chart built from them
 * @param activity the activity panel's chart ({@link PanelBuilder}: I/O, threads, descriptors), or null
 * @param phases the phases, by sample index
 * @param offset seconds subtracted from elapsed time to align the run (0 when alone)
 */
record HtmlRun(
        String name,
        SampleTable table,
        Chart chart,
        @Nullable Chart activity,
        List<Phase> phases,
        double offset) {

    /**
     * Memory is kept to at least 1/1000 of its range, rates (CPU %, faults/s) to at least 1/200: finer
     * than a pixel of the chart, and coarse enough that the noisiest rates of a million samples fit
     * in the report's 3 MB (bench/run's e2e log).
     */
    static final int MEMORY_LEVELS = 1000;

    static final int RATE_LEVELS = 200;

    /** A phase, shaded from {@code start} to {@code end}, elapsed seconds. */
    record Phase(String name, double start, double end) {}

    HtmlRun {
        phases = List.copyOf(phases);
    }

    /** The run of {@code table}, shifted by {@code offset} seconds, with the phases of its summary. */
    static HtmlRun of(
            String name, SampleTable table, Chart chart, @Nullable Chart activity, RunSummary summary, double offset) {
        String who = name + " pid " + table.pid() + (table.run() > 1 ? " (run " + table.run() + ")" : "");
        List<Phase> phases = new java.util.ArrayList<>();
        for (PhaseSummary p : summary.phases()) {
            if (p.kind() == PhaseSummary.Kind.PHASE) {
                phases.add(new Phase(p.name(), p.startSeconds(), p.endSeconds()));
            }
        }
        return new HtmlRun(who, table, chart, activity, phases, offset);
    }

    void write(JsonGenerator g) throws IOException {
        int n = table.size();
        double[] elapsed = new double[n];
        double[] clockOffset = new double[n];
        for (int i = 0; i < n; i++) {
            elapsed[i] = table.get(LogField.ELAPSED_TIME, i);
            long stamp = table.timestamp.get(i);
            // Wall clock as an offset from elapsed time: nearly constant, so it deflates to almost nothing.
            clockOffset[i] = stamp == Sample.NO_TIMESTAMP ? Double.NaN : stamp / 1e6 - elapsed[i];
        }
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeNumberField("pid", table.pid());
        g.writeNumberField("n", n);
        g.writeNumberField("offset", offset);
        column(g, "elapsed", ColumnCodec.encode(elapsed, 0.001));
        column(g, "clockOffset", ColumnCodec.encode(clockOffset, 0.001));
        g.writeArrayFieldStart("series");
        for (Chart.Series s : series()) {
            g.writeStartObject();
            g.writeStringField("name", s.name().replaceFirst(", (left|right) axis$", ""));
            g.writeStringField("color", s.color());
            g.writeNumberField("width", s.width());
            g.writeStringField("panel", panel(s));
            // A series drawn only where it was logged (a counter read every tenth sample) is drawn through.
            g.writeBooleanField("spanGaps", s.y().length != n);
            column(g, "values", ColumnCodec.encode(aligned(s), step(s)));
            g.writeEndObject();
        }
        g.writeEndArray();
        // The first view's samples, in the same steps as the full columns (so the same values).
        int[] first = Overview.indices(n, series().stream().map(this::aligned).toList(), table.labels());
        double[] firstAt = new double[first.length];
        java.util.Arrays.setAll(firstAt, k -> first[k]);
        g.writeObjectFieldStart("overview");
        g.writeNumberField("count", first.length);
        column(g, "at", ColumnCodec.encode(firstAt, 1));
        column(g, "elapsed", ColumnCodec.encode(Overview.at(elapsed, first), 0.001));
        column(g, "clockOffset", ColumnCodec.encode(Overview.at(clockOffset, first), 0.001));
        g.writeArrayFieldStart("values");
        for (Chart.Series s : series()) {
            column(g, null, ColumnCodec.encode(Overview.at(aligned(s), first), step(s)));
        }
        g.writeEndArray();
        g.writeEndObject();
        // Labels as two parallel arrays, the sample indices encoded like a column: a log may hold
        // tens of thousands of them.
        List<SampleTable.Label> labels = table.labels();
        double[] at = new double[labels.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = labels.get(i).index();
        }
        g.writeNumberField("labelCount", at.length);
        column(g, "labelAt", ColumnCodec.encode(at, 1));
        g.writeArrayFieldStart("labelText");
        for (SampleTable.Label l : labels) {
            g.writeString(l.phase() == null ? l.text() : l.text() + " (phase " + l.phase() + ")");
        }
        g.writeEndArray();
        g.writeArrayFieldStart("phases");
        for (Phase p : phases) {
            g.writeStartObject();
            g.writeStringField("name", p.name());
            g.writeNumberField("start", p.start() - offset);
            g.writeNumberField("end", p.end() - offset);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * The series' values, one per sample (NaN where it has none): a series drawn only where it was
     * logged holds just those points, in sample order, at the samples' x values.
     */
    private double[] aligned(Chart.Series s) {
        int n = table.size();
        if (s.y().length == n) {
            return s.y();
        }
        double[] x = chart.series().stream()
                .filter(o -> o.x().length == n)
                .findFirst()
                .orElseThrow()
                .x();
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        for (int i = 0, j = 0; i < n && j < s.x().length; i++) {
            if (x[i] == s.x()[j]) {
                out[i] = s.y()[j++];
            }
        }
        return out;
    }

    /** The main chart's series, then the activity panel's. */
    private List<Chart.Series> series() {
        List<Chart.Series> all = new java.util.ArrayList<>(chart.series());
        if (activity != null) {
            all.addAll(activity.series());
        }
        return all;
    }

    /** The page's panel of a series: memory and rates as on the static chart, the activity panel's two axes apart. */
    private String panel(Chart.Series s) {
        if (chart.series().contains(s)) {
            return s.rightAxis() ? "rate" : "memory";
        }
        return s.rightAxis() ? "counts" : "io";
    }

    private static double step(Chart.Series s) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s.y()) {
            if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double range = max - Math.min(0, min);
        return ColumnCodec.step(range, s.rightAxis() ? RATE_LEVELS : MEMORY_LEVELS, 1e-6);
    }

    /** Writes an encoded column as field {@code field}, or as an array element if {@code field} is null. */
    private static void column(JsonGenerator g, @Nullable String field, ColumnCodec.Encoded e) throws IOException {
        if (field == null) {
            g.writeStartObject();
        } else {
            g.writeObjectFieldStart(field);
        }
        g.writeStringField("data", e.data());
        g.writeNumberField("step", e.step());
        g.writeNumberField("min", e.min());
        g.writeNumberField("width", e.width());
        g.writeBooleanField("delta", e.delta());
        g.writeEndObject();
    }
}
