package dev.procmon.plot;

import java.util.Arrays;

/** A growable {@code double[]}: one column of a {@link SampleTable}. */
final class DoubleColumn {

    private double[] values = new double[64];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    DoubleColumn() {}

    /** A view of the first {@code size} values of an array that the caller no longer changes. */
    DoubleColumn(double[] values, int size) {
        this.values = values;
        this.size = size;
    }

    double get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }

    /** Returns a copy of the values. */
    double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** Returns true if every value is NaN (the series is missing from the log). */
    boolean allNaN() {
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(values[i])) {
                return false;
            }
        }
        return true;
    }
}
