package dev.procmon.plot;

import java.util.Arrays;

/** A read-only view of one column of a {@link SampleTable} (or of a series derived from it). */
final class DoubleColumn {

    /** The values, or null for a column no sample has (every value NaN). */
    private final double @org.jspecify.annotations.Nullable [] values;

    private final int size;

    /** A view of the first {@code size} values of an array that the caller no longer changes. */
    DoubleColumn(double[] values, int size) {
        this.values = values;
        this.size = size;
    }

    private DoubleColumn(int size) {
        this.values = null;
        this.size = size;
    }

    /** A column of {@code size} NaNs that costs no array. */
    static DoubleColumn missing(int size) {
        return new DoubleColumn(size);
    }

    /** The value at {@code i}, from 0 to {@link #size()} - 1 (callers loop to the size: no check per value here). */
    double get(int i) {
        return values == null ? Double.NaN : values[i];
    }

    int size() {
        return size;
    }

    /** Returns a copy of the values. */
    double[] toArray() {
        if (values == null) {
            double[] nan = new double[size];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return Arrays.copyOf(values, size);
    }

    /** Returns true if every value is NaN (the series is missing from the log). */
    boolean allNaN() {
        if (values == null) {
            return true;
        }
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(values[i])) {
                return false;
            }
        }
        return true;
    }
}
