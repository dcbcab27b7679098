package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The samples of one process run, column by column in primitive arrays (no object per sample), with
 * its labels. Every number the log schema knows ({@link LogField#isNumber()}) is a column, reached by
 * its field, NaN where a line does not have it; a field no line has costs no memory. A line that
 * repeats the previous sample's {@code elapsed_time} only adds its label to that sample: that is how
 * several labels queued between two samples are logged.
 */
// EnumOrdinal: the log fields index flat per-sample arrays by ordinal on purpose (no boxing, no map on the hot path).
@SuppressWarnings("EnumOrdinal")
public final class SampleTable {

    private static final LogField[] FIELDS = LogField.values();
    /** Bit {@code ordinal} of every numeric field: the possible columns. */
    private static final long NUMERIC_MASK = Arrays.stream(LogField.values())
            .filter(LogField::isNumber)
            .mapToLong(f -> 1L << f.ordinal())
            .reduce(0, (a, b) -> a | b);

    private final long pid;
    private final int run;
    /**
     * The columns' values by {@link LogField#ordinal()}, all with the same room; null until the field's
     * first value (or its first look-up). Plain arrays, so a sample costs one store per column.
     */
    private final double[][] data = new double[FIELDS.length][];
    /** The ordinals of the columns made so far, in the order made; bits of the same in {@code materialized}. */
    private final int[] order = new int[FIELDS.length];

    private int count;
    private long materialized;
    /** Room every column has. */
    private int capacity = 64;

    final LongColumn timestamp = new LongColumn();
    private int size;
    private final List<Label> labels = new ArrayList<>();

    /**
     * A label attached to the sample at {@code index}.
     *
     * @param phase {@code start} or {@code end} when the label opens or closes a phase, else null
     */
    record Label(int index, String text, @Nullable String phase) {}

    SampleTable(long pid, int run) {
        this.pid = pid;
        this.run = run;
    }

    /** Returns the process id. */
    public long pid() {
        return pid;
    }

    /** Returns 1 for the first run of this pid in the log, 2 for the next, ... */
    public int run() {
        return run;
    }

    /** Returns the number of samples. */
    public int size() {
        return size;
    }

    /** Returns the number of labels. */
    public int labelCount() {
        return labels.size();
    }

    /**
     * Tells whether any sample of this table has the field.
     *
     * @return true if at least one sample of this table has the field
     * @throws IllegalArgumentException if the field is not a number
     */
    public boolean has(LogField field) {
        if (!field.isNumber()) {
            throw new IllegalArgumentException(field.path() + " is not a number");
        }
        double[] d = data[field.ordinal()];
        if (d == null) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(d[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns a field's value at one sample.
     *
     * @param row a sample index, 0 to {@link #size()} - 1
     * @return the field's value in the log's unit (bytes, seconds, count), NaN when the line lacked it
     * @throws IllegalArgumentException if the field is not a number
     */
    public double get(LogField field, int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException(row);
        }
        double[] d = data[field.ordinal()];
        return d == null ? Double.NaN : d[row];
    }

    /** The field's column (all NaN if no line had it): a view, valid until the next {@link #add}. */
    DoubleColumn column(LogField field) {
        if (!field.isNumber()) {
            throw new IllegalArgumentException(field.path() + " is not a number");
        }
        return new DoubleColumn(materialize(field.ordinal()), size);
    }

    /** The values of field {@code o}, made (NaN up to now) on first use. */
    private double[] materialize(int o) {
        double[] d = data[o];
        if (d == null) {
            d = new double[capacity];
            Arrays.fill(d, 0, size, Double.NaN);
            data[o] = d;
            order[count++] = o;
            materialized |= 1L << o;
        }
        return d;
    }

    List<Label> labels() {
        return labels;
    }

    double lastElapsed() {
        return data[LogField.ELAPSED_TIME.ordinal()][size - 1];
    }

    void add(Sample s) {
        if (size == 0 || s.elapsed() != lastElapsed()) {
            long fresh = s.present & ~materialized & NUMERIC_MASK;
            for (; fresh != 0; fresh &= fresh - 1) {
                materialize(Long.numberOfTrailingZeros(fresh));
            }
            if (size == capacity) {
                capacity *= 2;
                for (int i = 0; i < count; i++) {
                    data[order[i]] = Arrays.copyOf(data[order[i]], capacity);
                }
            }
            // The hot loop: one store per column the table has (a field no line has costs nothing).
            double[] v = s.values;
            for (int i = 0; i < count; i++) {
                int o = order[i];
                data[o][size] = v[o];
            }
            timestamp.add(s.timestampMicros);
            size++;
        }
        if (s.label != null) {
            labels.add(new Label(size - 1, s.label, s.phase));
        }
    }
}
