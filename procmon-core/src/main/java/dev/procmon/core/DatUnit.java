package dev.procmon.core;

/**
 * How a {@link LogField} is shown in a {@code .dat} column of {@code procmon plot}: the unit of the
 * column and the conversion from the logged value. MB is 1,048,576 bytes.
 */
public enum DatUnit {
    /** Not written to the {@code .dat}. */
    NONE(""),
    /** The logged value as it is (seconds, a gauge count, an id). */
    AS_LOGGED(""),
    /** Bytes shown as MB. */
    MB("_mb"),
    /** A cumulative count shown as its rate per second. */
    PER_SECOND("_per_s"),
    /** Cumulative bytes shown as their rate in MB per second. */
    MB_PER_SECOND("_mb_per_s"),
    /** Local time as ISO text ({@code 2026-11-24T14:10:06.051630}). */
    ISO_TIME("");

    private final String suffix;

    DatUnit(String suffix) {
        this.suffix = suffix;
    }

    /** Returns what the column name adds to the field's name ({@code _mb}, {@code _per_s}). */
    public String suffix() {
        return suffix;
    }

    /** Returns true if the column is a rate of a cumulative counter. */
    public boolean isRate() {
        return this == PER_SECOND || this == MB_PER_SECOND;
    }
}
