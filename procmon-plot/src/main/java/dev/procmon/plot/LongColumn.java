package dev.procmon.plot;

import java.util.Arrays;

/** A growable {@code long[]}: the timestamps of a {@link SampleTable}, grown with the table's columns. */
final class LongColumn {

    private long[] values = new long[0];
    private int size;

    /** Makes room for at least {@code capacity} values. */
    void reserve(int capacity) {
        if (capacity > values.length) {
            values = Arrays.copyOf(values, capacity);
        }
    }

    /** Appends a value; room must have been {@link #reserve reserved}. */
    void add(long v) {
        values[size++] = v;
    }

    /** Appends {@code next}'s values from index {@code from}; room must have been reserved. */
    void append(LongColumn next, int from) {
        int n = next.size - from;
        System.arraycopy(next.values, from, values, size, n);
        size += n;
    }

    long get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }
}
