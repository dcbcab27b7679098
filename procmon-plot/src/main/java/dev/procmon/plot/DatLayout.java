package dev.procmon.plot;

import dev.procmon.core.DatUnit;
import dev.procmon.core.LogField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * The columns of one table's {@code .dat}, defined once for the {@code .dat}, the {@code .plt} and the
 * chart's series: the ten columns every {@code .dat} has had (in their old places, so scripts that
 * read them keep working), then one column per other schema field with a {@code .dat} unit that the
 * table has, in schema order; {@code pageins} becomes two, the major and the minor fault rates. See
 * {@code docs/plot.md}.
 */
final class DatLayout {

    /** Mean CPU %, CPU as {@link DerivedSeries} counts it. */
    static final DatColumn MEAN_CPU = new DatColumn("mean_cpu_pct", null, 3, (t, d) -> DatColumn.column(d.meanCpu()));
    /** Instantaneous CPU %. */
    static final DatColumn INSTANT_CPU =
            new DatColumn("inst_cpu_pct", null, 3, (t, d) -> DatColumn.column(d.instantCpu()));

    /**
     * Major faults per second of the process and its waited-for children (pageins + children_pageins),
     * in place of the pageins field's own column.
     */
    static final DatColumn MAJOR_FAULTS = new DatColumn(
            DatColumn.nameOf(LogField.PAGEINS),
            LogField.PAGEINS,
            1,
            (t, d) -> DatColumn.column(DerivedSeries.perSecond(
                    t.column(LogField.ELAPSED_TIME), sum(t, LogField.PAGEINS, LogField.CHILDREN_PAGEINS))));
    /** Minor faults per second: all faults (column 3's count) less the major ones. */
    static final DatColumn MINOR_FAULTS = new DatColumn("minor_faults_per_s", null, 1, (t, d) -> {
        IntToDoubleFunction all = sum(t, LogField.PFAULTS, LogField.CHILDREN_PFAULTS);
        IntToDoubleFunction major = sum(t, LogField.PAGEINS, LogField.CHILDREN_PAGEINS);
        return DatColumn.column(DerivedSeries.perSecond(
                t.column(LogField.ELAPSED_TIME), i -> all.applyAsDouble(i) - major.applyAsDouble(i)));
    });

    /** {@code own + children} per sample, children counted only when logged (NaN when own is missing). */
    private static IntToDoubleFunction sum(SampleTable t, LogField own, LogField children) {
        DoubleColumn o = t.column(own);
        DoubleColumn c = t.column(children);
        return i -> {
            double v = c.get(i);
            return o.get(i) + (Double.isNaN(v) ? 0 : v);
        };
    }

    /** The columns always written, in their historic order. */
    private static final List<DatColumn> FIXED = List.of(
            DatColumn.of(LogField.ELAPSED_TIME),
            DatColumn.of(LogField.RSS),
            // Faults of the process and its waited-for children, as DerivedSeries counts them.
            new DatColumn(
                    DatColumn.nameOf(LogField.PFAULTS),
                    LogField.PFAULTS,
                    1,
                    (t, d) -> DatColumn.column(d.faultsPerSecond())),
            DatColumn.of(LogField.USER),
            MEAN_CPU,
            INSTANT_CPU,
            DatColumn.of(LogField.TIMESTAMP),
            DatColumn.of(LogField.PID),
            DatColumn.of(LogField.HEAP_USED),
            DatColumn.of(LogField.SYSTEM));

    private final List<DatColumn> columns;

    private DatLayout(List<DatColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The layout for a table: the fixed columns, then the fields it has. */
    static DatLayout of(SampleTable table) {
        List<DatColumn> columns = new ArrayList<>(FIXED);
        for (LogField f : LogField.values()) {
            if (f.datUnit() != DatUnit.NONE && f.isNumber() && number(columns, f) == 0 && table.has(f)) {
                if (f == LogField.PAGEINS) {
                    // Faults apart: major and minor, as column 3 counts them.
                    columns.add(MAJOR_FAULTS);
                    columns.add(MINOR_FAULTS);
                } else {
                    columns.add(DatColumn.of(f));
                }
            }
        }
        return new DatLayout(columns);
    }

    List<DatColumn> columns() {
        return columns;
    }

    /** Returns the 1-based column of a field that is always written (the same in every {@code .dat}). */
    static int fixedNumber(LogField f) {
        int n = number(FIXED, f);
        if (n == 0) {
            throw new IllegalArgumentException(f.path() + " has no fixed .dat column");
        }
        return n;
    }

    /** Returns the 1-based column of a derived series that is always written. */
    static int fixedNumber(DatColumn c) {
        return FIXED.indexOf(c) + 1;
    }

    /** Returns the 1-based column of a field in this layout, 0 if it has none. */
    int number(LogField f) {
        return number(columns, f);
    }

    private static int number(List<DatColumn> columns, LogField f) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field() == f) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Returns the header names, space separated. */
    String header() {
        StringBuilder sb = new StringBuilder();
        for (DatColumn c : columns) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(c.name());
        }
        return sb.toString();
    }
}
