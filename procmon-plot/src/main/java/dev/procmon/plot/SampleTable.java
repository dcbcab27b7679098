package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The samples of one process run, column by column in primitive arrays (no object per sample), with
 * its labels. Every number the log schema knows ({@link LogField#isNumber()}) is a column, reached by
 * its field, NaN where a line does not have it; a field no line has costs no memory. A line that
 * repeats the previous sample's {@code elapsed_time} only adds its label to that sample: that is how
 * several labels queued between two samples are logged.
 */
public final class SampleTable {

    private static final LogField[] FIELDS = LogField.values();
    /** The ordinals of the numeric fields: the table's columns. */
    private static final int[] NUMERIC = Arrays.stream(LogField.values()).filter(LogField::isNumber)
            .mapToInt(Enum::ordinal).toArray();

    private final long pid;
    private final int run;
    /** By {@link LogField#ordinal()}; null until the field's first value (or its first look-up). */
    private final DoubleColumn[] columns = new DoubleColumn[LogField.values().length];
    final LongColumn timestamp = new LongColumn();
    private int size;
    private final List<Label> labels = new ArrayList<>();

    /**
     * A label attached to the sample at {@code index}.
     *
     * @param phase {@code start} or {@code end} when the label opens or closes a phase, else null
     */
    record Label(int index, String text, String phase) {
    }

    SampleTable(long pid, int run) {
        this.pid = pid;
        this.run = run;
    }

    /** @return the process id */
    public long pid() {
        return pid;
    }

    /** @return 1 for the first run of this pid in the log, 2 for the next, ... */
    public int run() {
        return run;
    }

    /** @return the number of samples */
    public int size() {
        return size;
    }

    /** @return the number of labels */
    public int labelCount() {
        return labels.size();
    }

    /**
     * @return true if at least one sample of this table has the field
     * @throws IllegalArgumentException if the field is not a number
     */
    public boolean has(LogField field) {
        if (!field.isNumber()) {
            throw new IllegalArgumentException(field.path() + " is not a number");
        }
        DoubleColumn c = columns[field.ordinal()];
        return c != null && !c.allNaN();
    }

    /**
     * @param row a sample index, 0 to {@link #size()} - 1
     * @return the field's value in the log's unit (bytes, seconds, count), NaN when the line lacked it
     * @throws IllegalArgumentException if the field is not a number
     */
    public double get(LogField field, int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException(row);
        }
        return column(field).get(row);
    }

    /** The field's column (all NaN if no line had it). */
    DoubleColumn column(LogField field) {
        if (!field.isNumber()) {
            throw new IllegalArgumentException(field.path() + " is not a number");
        }
        DoubleColumn c = columns[field.ordinal()];
        if (c == null) {
            c = new DoubleColumn();
            for (int i = 0; i < size; i++) {
                c.add(Double.NaN);
            }
            columns[field.ordinal()] = c;
        }
        return c;
    }

    List<Label> labels() {
        return labels;
    }

    double lastElapsed() {
        return columns[LogField.ELAPSED_TIME.ordinal()].get(size - 1);
    }

    void add(Sample s) {
        if (size == 0 || s.elapsed() != lastElapsed()) {
            for (int o : NUMERIC) {
                double v = s.values[o];
                DoubleColumn c = columns[o];
                if (c == null) {
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    c = column(FIELDS[o]);
                }
                c.add(v);
            }
            timestamp.add(s.timestampMicros);
            size++;
        }
        if (s.label != null) {
            labels.add(new Label(size - 1, s.label, s.phase));
        }
    }
}
