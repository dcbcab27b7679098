package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of an export, the same for every run exported (so one header fits all rows): pid, run,
 * timestamp and elapsed time; every other numeric field of the schema that at least one run has, as logged; then the
 * derived figures: CPU time (user + system + children's), CPU % since the previous sample and since
 * the process started, and the rate per second of every cumulative counter present. Labels last.
 * Both writers ({@link CsvExport}, {@link JsonlExport}) use this one layout and {@link Row}.
 */
final class ExportLayout {

    static final String PID = "pid";
    static final String RUN = "run";
    static final String TIMESTAMP = "timestamp";
    static final String LABELS = "labels";
    static final ExportColumn CPU_TIME = ExportColumn.derived("cpu_time", "s");
    static final ExportColumn CPU_PCT = ExportColumn.derived("cpu_pct", "%");
    static final ExportColumn MEAN_CPU_PCT = ExportColumn.derived("mean_cpu_pct", "%");

    final List<ExportColumn> columns;

    ExportLayout(List<SampleTable> tables) {
        List<ExportColumn> raw = new ArrayList<>();
        raw.add(ExportColumn.raw(LogField.ELAPSED_TIME));
        List<ExportColumn> rates = new ArrayList<>();
        for (LogField f : LogField.values()) {
            if (!f.isNumber() || f == LogField.PID || f == LogField.ELAPSED_TIME || !anyHas(tables, f)) {
                continue;
            }
            raw.add(ExportColumn.raw(f));
            if (f.cumulative() && f.parent() != LogField.CPU_TIMES) {
                rates.add(ExportColumn.rate(f));
            }
        }
        List<ExportColumn> all = new ArrayList<>(raw);
        all.add(CPU_TIME);
        all.add(CPU_PCT);
        all.add(MEAN_CPU_PCT);
        all.addAll(rates);
        columns = List.copyOf(all);
    }

    private static boolean anyHas(List<SampleTable> tables, LogField f) {
        for (SampleTable t : tables) {
            if (t.has(f)) {
                return true;
            }
        }
        return false;
    }

    /** The values of one table, row by row; derived series are computed once per table. */
    final class Row {
        final SampleTable table;
        private final double[][] derived;
        private final List<List<SampleTable.Label>> labels;

        Row(SampleTable table) {
            this.table = table;
            DerivedSeries d = DerivedSeries.of(table, TimeAxis.ELAPSED);
            double[] elapsed = table.column(LogField.ELAPSED_TIME).toArray();
            derived = new double[columns.size()][];
            for (int c = 0; c < columns.size(); c++) {
                ExportColumn col = columns.get(c);
                if (col.equals(CPU_PCT)) {
                    derived[c] = d.instantCpu();
                } else if (col.equals(MEAN_CPU_PCT)) {
                    derived[c] = d.meanCpu();
                } else if (col.rateOf() != null) {
                    derived[c] = DerivedSeries.perSecond(
                            elapsed, table.column(col.rateOf()).toArray());
                }
            }
            labels = new ArrayList<>();
            for (int i = 0; i < table.size(); i++) {
                labels.add(List.of());
            }
            for (SampleTable.Label l : table.labels()) {
                List<SampleTable.Label> at = labels.get(l.index());
                List<SampleTable.Label> more = new ArrayList<>(at);
                more.add(l);
                labels.set(l.index(), more);
            }
        }

        /** Returns column {@code c}'s value at sample {@code i}, NaN when the sample does not have it. */
        double value(int c, int i) {
            ExportColumn col = columns.get(c);
            if (col.field() != null) {
                return table.column(col.field()).get(i);
            }
            if (col.equals(CPU_TIME)) {
                return CpuTime.total(
                        table.column(LogField.USER).get(i),
                        table.column(LogField.SYSTEM).get(i),
                        table.column(LogField.CHILDREN_USER).get(i),
                        table.column(LogField.CHILDREN_SYSTEM).get(i));
            }
            return derived[c][i];
        }

        List<SampleTable.Label> labels(int i) {
            return labels.get(i);
        }
    }

    /** A number as text: whole numbers without a fraction, others in the shortest form that reads back exactly. */
    static String number(double v, boolean integral) {
        if (integral || (v == Math.rint(v) && Math.abs(v) < 1e15)) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).toPlainString();
    }
}
