package dev.procmon.plot;

import dev.procmon.core.FieldKind;
import dev.procmon.core.LogField;
import org.jspecify.annotations.Nullable;

/**
 * One column of an export: a log field as logged, or a figure derived from several samples.
 *
 * @param name the column's name: the field's dotted path ({@code memory_info.rss}), or a derived name
 *     ({@code cpu_pct}, {@code io_counters.read_bytes_per_s})
 * @param unit {@code s}, {@code bytes}, {@code count}, {@code %}, {@code bytes/s}, {@code 1/s} ...
 * @param integral whether values are whole numbers (written without a fraction)
 * @param field the field shown as logged, or null for a derived column
 * @param rateOf the cumulative field whose rate per second this is, or null
 */
record ExportColumn(
        String name,
        String unit,
        boolean integral,
        @Nullable LogField field,
        @Nullable LogField rateOf) {

    /** The field as logged. */
    static ExportColumn raw(LogField f) {
        return new ExportColumn(f.path(), unit(f.kind()), f.kind() != FieldKind.SECONDS, f, null);
    }

    /** delta(field) / delta(t), by {@link DerivedSeries#perSecond}. */
    static ExportColumn rate(LogField f) {
        String unit = switch (f.kind()) {
            case BYTES -> "bytes/s";
            case SECONDS -> "s/s";
            default -> "1/s";
        };
        return new ExportColumn(f.path() + "_per_s", unit, false, null, f);
    }

    static ExportColumn derived(String name, String unit) {
        return new ExportColumn(name, unit, false, null, null);
    }

    private static String unit(FieldKind kind) {
        return switch (kind) {
            case SECONDS -> "s";
            case BYTES -> "bytes";
            case COUNT -> "count";
            default -> "";
        };
    }
}
