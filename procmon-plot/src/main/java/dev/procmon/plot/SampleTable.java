package dev.procmon.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The samples of one process run, column by column in primitive arrays (no object per sample), with
 * its labels. A line that repeats the previous sample's {@code elapsed_time} only adds its label to
 * that sample: that is how several labels queued between two samples are logged.
 */
public final class SampleTable {

    private final long pid;
    private final int run;
    final DoubleColumn elapsed = new DoubleColumn();
    final DoubleColumn rss = new DoubleColumn();
    final DoubleColumn pfaults = new DoubleColumn();
    final DoubleColumn user = new DoubleColumn();
    final DoubleColumn system = new DoubleColumn();
    final DoubleColumn childrenUser = new DoubleColumn();
    final DoubleColumn childrenSystem = new DoubleColumn();
    final DoubleColumn heapUsed = new DoubleColumn();
    final DoubleColumn gcTime = new DoubleColumn();
    final LongColumn timestamp = new LongColumn();
    private final List<Label> labels = new ArrayList<>();

    /**
     * A label attached to the sample at {@code index}; {@code phase} is the line's {@code phase} value
     * ({@code start}/{@code end} for a phase's ends), null for an ordinary label.
     */
    record Label(int index, String text, String phase) {
        Label(int index, String text) {
            this(index, text, null);
        }
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
        return elapsed.size();
    }

    /** @return the number of labels */
    public int labelCount() {
        return labels.size();
    }

    List<Label> labels() {
        return labels;
    }

    double lastElapsed() {
        return elapsed.get(elapsed.size() - 1);
    }

    void add(Sample s) {
        if (size() == 0 || s.elapsed != lastElapsed()) {
            elapsed.add(s.elapsed);
            rss.add(s.rss);
            pfaults.add(s.pfaults);
            user.add(s.user);
            system.add(s.system);
            childrenUser.add(s.childrenUser);
            childrenSystem.add(s.childrenSystem);
            heapUsed.add(s.heapUsed);
            gcTime.add(s.gcTime);
            timestamp.add(s.timestampMicros);
        }
        if (s.label != null) {
            labels.add(new Label(size() - 1, s.label, s.phase));
        }
    }
}
