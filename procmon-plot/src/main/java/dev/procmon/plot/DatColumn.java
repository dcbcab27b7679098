package dev.procmon.plot;

import dev.procmon.core.DatUnit;
import dev.procmon.core.FieldKind;
import dev.procmon.core.LogField;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * One column of the {@code .dat}: its name, the schema field it shows (null for a series derived from
 * several), and how its values come from a table.
 *
 * @param name the header name ({@code rss_mb})
 * @param field the field shown, or null
 * @param decimals the decimals written
 * @param values the column's values for a table and its derived series
 */
record DatColumn(
        String name, @Nullable LogField field, int decimals, BiFunction<SampleTable, DerivedSeries, double[]> values) {

    private static final double MB = DerivedSeries.MB;

    /** The column of a schema field, in the field's {@link DatUnit}. */
    static DatColumn of(LogField f) {
        DatUnit unit = f.datUnit();
        if (unit == null) {
            throw new IllegalArgumentException(f.path() + " has no .dat column");
        }
        int decimals = switch (unit) {
            case MB, MB_PER_SECOND -> 3;
            case PER_SECOND -> 1;
            default -> f.kind() == FieldKind.SECONDS ? 6 : 0;
        };
        BiFunction<SampleTable, DerivedSeries, double[]> values = switch (unit) {
            case MB -> (t, d) -> divide(t.column(f).toArray(), MB);
            case PER_SECOND ->
                (t, d) -> DerivedSeries.perSecond(
                        t.column(LogField.ELAPSED_TIME).toArray(), t.column(f).toArray());
            case MB_PER_SECOND ->
                (t, d) -> divide(
                        DerivedSeries.perSecond(
                                t.column(LogField.ELAPSED_TIME).toArray(),
                                t.column(f).toArray()),
                        MB);
            default -> (t, d) -> f.isNumber() ? t.column(f).toArray() : null;
        };
        return new DatColumn(nameOf(f), f, decimals, values);
    }

    /** The field's {@code .dat} column name; only for fields that have a column. */
    static String nameOf(LogField f) {
        String name = f.datName();
        if (name == null) {
            throw new IllegalArgumentException(f.path() + " has no .dat column");
        }
        return name;
    }

    private static double[] divide(double[] v, double by) {
        for (int i = 0; i < v.length; i++) {
            v[i] /= by;
        }
        return v;
    }
}
