package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One process run of a {@link ProcmonLog}: its samples column by column, its labels and its
 * {@link RunSummary}. Every numeric field of the log schema ({@link LogField}) is a column; values
 * are in the log's units (bytes, seconds, counts), NaN where a sample does not have the value. Arrays
 * returned are copies, one element per sample.
 */
public final class ProcessRun {

    private final SampleTable table;
    private @Nullable RunSummary summary;

    ProcessRun(SampleTable table) {
        this.table = table;
    }

    /**
     * A label line of the run.
     *
     * @param sample the index of the sample the label came with
     * @param seconds that sample's {@code elapsed_time}
     * @param text the label
     * @param phase {@code start} or {@code end} for a phase's lines, null for an ordinary label
     */
    public record Label(
            int sample,
            double seconds,
            String text,
            @Nullable String phase) {}

    /** Returns the process id. */
    public long pid() {
        return table.pid();
    }

    /** Returns 1 for the first run of this pid in the log, 2 for the next (the pid was reused), ... */
    public int run() {
        return table.run();
    }

    /** Returns the number of samples. */
    public int size() {
        return table.size();
    }

    /**
     * Tells whether the run has a numeric field.
     *
     * @param field a numeric field of the log schema ({@code LogField.RSS}, {@code LogField.READ_BYTES} ...)
     * @return true if at least one sample has it
     * @throws IllegalArgumentException if the field is not a number (a label, an object)
     */
    public boolean has(LogField field) {
        return table.has(field);
    }

    /**
     * Returns a numeric field's value at each sample.
     *
     * @param field a numeric field of the log schema
     * @return its value at each sample as logged (bytes, seconds, counts), NaN where a sample lacks it
     * @throws IllegalArgumentException if the field is not a number (a label, an object)
     */
    public double[] values(LogField field) {
        return table.column(field).toArray();
    }

    /** Returns {@code elapsed_time} of each sample: seconds since the process started. */
    public double[] elapsedSeconds() {
        return values(LogField.ELAPSED_TIME);
    }

    /** Returns {@code memory_info.rss} of each sample, bytes. */
    public double[] rssBytes() {
        return values(LogField.RSS);
    }

    /** Returns jVM heap used of each sample, bytes (NaN unless the monitor sampled its own JVM). */
    public double[] heapUsedBytes() {
        return values(LogField.HEAP_USED);
    }

    /** Returns cPU time used up to each sample: user + system + children's, each when present, seconds. */
    public double[] cpuSeconds() {
        double[] user = values(LogField.USER);
        double[] system = values(LogField.SYSTEM);
        double[] childrenUser = values(LogField.CHILDREN_USER);
        double[] childrenSystem = values(LogField.CHILDREN_SYSTEM);
        double[] out = new double[table.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = CpuTime.total(user[i], system[i], childrenUser[i], childrenSystem[i]);
        }
        return out;
    }

    /** Returns the labels, in log order (phase lines included). */
    public List<Label> labels() {
        List<Label> out = new ArrayList<>(table.labelCount());
        for (SampleTable.Label l : table.labels()) {
            out.add(new Label(l.index(), table.get(LogField.ELAPSED_TIME, l.index()), l.text(), l.phase()));
        }
        return out;
    }

    /** Returns peak, totals and phases (computed once, on first call). */
    public synchronized RunSummary summary() {
        if (summary == null) {
            summary = RunSummary.of(table);
        }
        return summary;
    }

    SampleTable table() {
        return table;
    }
}
