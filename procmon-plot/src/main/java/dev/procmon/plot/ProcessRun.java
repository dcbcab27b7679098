package dev.procmon.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * One process run of a {@link ProcmonLog}: its samples column by column, its labels and its
 * {@link RunSummary}. Values are in the log's units (bytes, seconds); NaN where a sample does not
 * have the value. Arrays returned are copies, one element per sample.
 */
public final class ProcessRun {

    private final SampleTable table;
    private RunSummary summary;

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
    public record Label(int sample, double seconds, String text, String phase) {
    }

    /** @return the process id */
    public long pid() {
        return table.pid();
    }

    /** @return 1 for the first run of this pid in the log, 2 for the next (the pid was reused), ... */
    public int run() {
        return table.run();
    }

    /** @return the number of samples */
    public int size() {
        return table.size();
    }

    /** @return {@code elapsed_time} of each sample: seconds since the process started */
    public double[] elapsedSeconds() {
        return copy(table.elapsed);
    }

    /** @return {@code memory_info.rss} of each sample, bytes */
    public double[] rssBytes() {
        return copy(table.rss);
    }

    /** @return JVM heap used of each sample, bytes (NaN unless the monitor sampled its own JVM) */
    public double[] heapUsedBytes() {
        return copy(table.heapUsed);
    }

    /** @return CPU time used up to each sample: user + system + children's, each when present, seconds */
    public double[] cpuSeconds() {
        double[] out = new double[table.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = SummaryPass.cpu(table.user.get(i), table.system.get(i), table.childrenUser.get(i),
                    table.childrenSystem.get(i));
        }
        return out;
    }

    /** @return the labels, in log order (phase lines included) */
    public List<Label> labels() {
        List<Label> out = new ArrayList<>(table.labelCount());
        for (SampleTable.Label l : table.labels()) {
            out.add(new Label(l.index(), table.elapsed.get(l.index()), l.text(), l.phase()));
        }
        return out;
    }

    /** @return peak, totals and phases (computed once, on first call) */
    public synchronized RunSummary summary() {
        if (summary == null) {
            summary = RunSummary.of(table);
        }
        return summary;
    }

    private static double[] copy(DoubleColumn c) {
        double[] out = new double[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.get(i);
        }
        return out;
    }
}
