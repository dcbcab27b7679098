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
final class SampleTable {

    private static final LogField[] FIELDS = LogField.values();
    private static final int ELAPSED = LogField.ELAPSED_TIME.ordinal();
    /** Bit {@code ordinal} of every numeric field: the possible columns. */
    private static final long NUMERIC_MASK = Arrays.stream(LogField.values())
            .filter(LogField::isNumber)
            .mapToLong(f -> 1L << f.ordinal())
            .reduce(0, (a, b) -> a | b);

    private final long pid;
    private int run;
    /**
     * The columns' values by {@link LogField#ordinal()}, all with the same room; null until the field's
     * first value. Plain arrays, so a sample costs one store per column.
     */
    private final double[][] data = new double[FIELDS.length][];
    /** The ordinals of the columns made so far, in the order made; bits of the same in {@code materialized}. */
    private final int[] order = new int[FIELDS.length];

    private int count;
    private long materialized;
    /** Room every column has. */
    private int capacity;
    /** Rows to make room for when the first {@link #FIRST_ROOM} are full: see {@link #grow}. */
    private final RowEstimate estimate;

    final LongColumn timestamp = new LongColumn();
    private int size;
    private final List<Label> labels = new ArrayList<>();

    /** Rows a table has room for at first; most tables of a many-process log stay this small. */
    static final int FIRST_ROOM = 64;

    /**
     * A label attached to the sample at {@code index}.
     *
     * @param phase {@code start} or {@code end} when the label opens or closes a phase, else null
     */
    record Label(int index, String text, @Nullable String phase) {}

    SampleTable(long pid, int run) {
        this(pid, run, RowEstimate.NONE);
    }

    /** @param estimate tells how many rows to make room for once the table outgrows its first room */
    SampleTable(long pid, int run, RowEstimate estimate) {
        this.pid = pid;
        this.run = run;
        this.estimate = estimate;
        reserve(FIRST_ROOM);
    }

    /** Returns the process id. */
    long pid() {
        return pid;
    }

    /** Returns 1 for the first run of this pid in the log, 2 for the next, ... */
    int run() {
        return run;
    }

    /** Returns the number of samples. */
    int size() {
        return size;
    }

    /** Returns the rows this table has room for (at least {@link #size()}). */
    int room() {
        return capacity;
    }

    /** Returns the number of labels. */
    int labelCount() {
        return labels.size();
    }

    /**
     * Tells whether any sample of this table has the field.
     *
     * @return true if at least one sample of this table has the field
     * @throws IllegalArgumentException if the field is not a number
     */
    boolean has(LogField field) {
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
    double get(LogField field, int row) {
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
        double[] d = data[field.ordinal()];
        return d == null ? DoubleColumn.missing(size) : new DoubleColumn(d, size);
    }

    /** Numbers this table's runs from 1 again: it continues no earlier run, or follows run {@code run - 1}. */
    void renumber(int run) {
        this.run = run;
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
        return data[ELAPSED][size - 1];
    }

    /** Returns the {@code elapsed_time} of the first row. */
    double firstElapsed() {
        return data[ELAPSED][0];
    }

    void add(Sample s) {
        if (size == 0 || s.elapsed() != lastElapsed()) {
            long fresh = s.present & ~materialized & NUMERIC_MASK;
            for (; fresh != 0; fresh &= fresh - 1) {
                materialize(Long.numberOfTrailingZeros(fresh));
            }
            if (size == capacity) {
                grow();
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

    /**
     * Room for more rows: as many as the estimate expects this table to reach (so a long run is
     * allocated once, not doubled into garbage twenty times), and at least half as many again.
     */
    private void grow() {
        reserve(Math.max(capacity + (capacity >> 1), estimate.rows(size)));
    }

    /** Makes room for at least {@code rows} rows in every column. */
    private void reserve(int rows) {
        if (rows <= capacity) {
            return;
        }
        capacity = rows;
        for (int i = 0; i < count; i++) {
            data[order[i]] = Arrays.copyOf(data[order[i]], capacity);
        }
        timestamp.reserve(capacity);
    }

    /**
     * Appends the rows of {@code next}, the same process run's samples from the part of the log that
     * follows this table's: as if its lines had been {@link #add added} here one by one (a first row
     * that repeats this table's last {@code elapsed_time} only adds its labels).
     */
    void append(SampleTable next) {
        int skip = size > 0 && next.size > 0 && next.data[ELAPSED][0] == lastElapsed() ? 1 : 0;
        int rows = next.size - skip;
        reserve(size + rows);
        for (int i = 0; i < next.count; i++) {
            materialize(next.order[i]);
        }
        for (int i = 0; i < count; i++) {
            int o = order[i];
            double[] from = next.data[o];
            if (from == null) {
                Arrays.fill(data[o], size, size + rows, Double.NaN);
            } else {
                System.arraycopy(from, skip, data[o], size, rows);
            }
        }
        timestamp.append(next.timestamp, skip);
        for (Label l : next.labels) {
            labels.add(new Label(size + l.index() - skip, l.text(), l.phase()));
        }
        size += rows;
    }
}
