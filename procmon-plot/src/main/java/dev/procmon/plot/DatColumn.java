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
 * @param values the column's values for a table and its derived series, before the division
 * @param divisor what each value is divided by as it is written (1, or bytes per MB): a column in MB
 *     is the table's own column, not a copy
 */
record DatColumn(
        String name,
        @Nullable LogField field,
        int decimals,
        BiFunction<SampleTable, DerivedSeries, DoubleColumn> values,
        double divisor) {

    /** A column written as its values are. */
    DatColumn(
            String name,
            @Nullable LogField field,
            int decimals,
            BiFunction<SampleTable, DerivedSeries, DoubleColumn> values) {
        this(name, field, decimals, values, 1);
    }

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
        BiFunction<SampleTable, DerivedSeries, DoubleColumn> values = switch (unit) {
            case PER_SECOND, MB_PER_SECOND -> (t, d) -> column(perSecond(t, f));
            default -> (t, d) -> t.column(f);
        };
        double divisor = unit == DatUnit.MB || unit == DatUnit.MB_PER_SECOND ? MB : 1;
        return new DatColumn(nameOf(f), f, decimals, values, divisor);
    }

    /** delta(f) / delta(elapsed_time), as {@link DerivedSeries#perSecond} counts it. */
    static double[] perSecond(SampleTable t, LogField f) {
        DoubleColumn counter = t.column(f);
        return DerivedSeries.perSecond(t.column(LogField.ELAPSED_TIME), counter::get);
    }

    static DoubleColumn column(double[] values) {
        return new DoubleColumn(values, values.length);
    }

    /** The field's {@code .dat} column name; only for fields that have a column. */
    static String nameOf(LogField f) {
        String name = f.datName();
        if (name == null) {
            throw new IllegalArgumentException(f.path() + " has no .dat column");
        }
        return name;
    }
}
