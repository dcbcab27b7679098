package dev.procmon.plot;

import java.util.Arrays;

/** A growable {@code long[]}: one column of a {@link SampleTable}. */
final class LongColumn {

    private long[] values = new long[64];
    private int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    long get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }
}
