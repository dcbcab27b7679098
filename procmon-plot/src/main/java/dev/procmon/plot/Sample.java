package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.util.Arrays;

/**
 * One parsed sample line; a reused holder, so the parser allocates nothing per line but the label.
 * Every number of the line is kept by its {@link LogField} (in the log's units: bytes, counts,
 * seconds), NaN when the line does not have it.
 */
final class Sample {

    static final long NO_TIMESTAMP = Long.MIN_VALUE;

    /** By {@link LogField#ordinal()}; only the numeric fields are ever set. */
    final double[] values = new double[LogField.values().length];
    long pid;
    boolean hasPid;
    /** Local wall-clock time as microseconds since 1970-01-01T00:00 (as if UTC), or {@link #NO_TIMESTAMP}. */
    long timestampMicros;
    String label;
    /** The {@code phase} of a label line ({@code start}, {@code end}), or null. */
    String phase;

    double get(LogField f) {
        return values[f.ordinal()];
    }

    double elapsed() {
        return values[LogField.ELAPSED_TIME.ordinal()];
    }

    void reset() {
        Arrays.fill(values, Double.NaN);
        pid = 0;
        hasPid = false;
        timestampMicros = NO_TIMESTAMP;
        label = null;
        phase = null;
    }
}
