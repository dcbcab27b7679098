package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One parsed sample line; a reused holder, so the parser allocates nothing per line but the label.
 * Every number of the line is kept by its {@link LogField} (in the log's units: bytes, counts,
 * seconds), NaN when the line does not have it.
 */
// EnumOrdinal: the log fields index flat per-sample arrays by ordinal on purpose (no boxing, no map on the hot path).
@SuppressWarnings("EnumOrdinal")
final class Sample {

    static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** By {@link LogField#ordinal()}; only the numeric fields are ever set, and only through {@link #set}. */
    final double[] values = new double[LogField.values().length];
    /** Bit {@code ordinal} set for every field {@link #set} since the last {@link #reset}. */
    long present;

    static {
        if (LogField.values().length > Long.SIZE) {
            throw new ExceptionInInitializerError("more log fields than the present mask holds");
        }
    }

    Sample() {
        Arrays.fill(values, Double.NaN);
    }

    long pid;
    boolean hasPid;
    /** Local wall-clock time as microseconds since 1970-01-01T00:00 (as if UTC), or {@link #NO_TIMESTAMP}. */
    long timestampMicros;

    @Nullable
    String label;
    /** The {@code phase} of a label line ({@code start}, {@code end}), or null. */
    @Nullable
    String phase;

    void set(int ordinal, double v) {
        values[ordinal] = v;
        present |= 1L << ordinal;
    }

    double get(LogField f) {
        return values[f.ordinal()];
    }

    double elapsed() {
        return values[LogField.ELAPSED_TIME.ordinal()];
    }

    /** Back to no values: only the fields set since the last reset are cleared (this runs per line). */
    void reset() {
        for (long m = present; m != 0; m &= m - 1) {
            values[Long.numberOfTrailingZeros(m)] = Double.NaN;
        }
        present = 0;
        pid = 0;
        hasPid = false;
        timestampMicros = NO_TIMESTAMP;
        label = null;
        phase = null;
    }
}
