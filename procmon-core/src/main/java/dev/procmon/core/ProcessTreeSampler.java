package dev.procmon.core;

import java.io.IOException;

/**
 * Samples a process and all its live descendants as one: rss, vms, page faults and CPU times are
 * summed over the tree, and {@link ProcessReading#numProcs} says how many processes were summed.
 *
 * <p>The tree is found afresh at every sample, because children come and go, by a
 * {@link Descendants} strategy: the kernel's children files walked down from the root
 * ({@link ChildrenWalk}, descriptors kept open), or a scan of every process where the kernel has no
 * children files ({@link ProcScan}). A process whose parent exits is re-parented by the kernel (to
 * init or a subreaper) and leaves the tree, as it does in psutil's view; so does an orphan left by a
 * double fork.
 *
 * <p>What reaped members leave behind: {@code children_user}/{@code children_system} and
 * {@code children_pfaults}/{@code children_pageins} are the kernel's {@code cutime}/{@code cstime}
 * and {@code cminflt + cmajflt}/{@code cmajflt} summed over the live tree: the CPU and faults of
 * descendants that have exited and been waited for by a process of the tree. When a child is reaped
 * its counters move from the live sums to its reaper's children sums, so live + children stays
 * continuous.
 *
 * <p>The root itself is read through {@link ProcStatSampler} (one descriptor kept open, the same
 * conversion to bytes and seconds), so the root going away ends the recording exactly as it does for
 * a single process.
 */
final class ProcessTreeSampler implements Sampler {

    private final ProcStatSampler root;
    private final Descendants descendants;
    private final ProcStat total = new ProcStat();

    ProcessTreeSampler(ProcStatSampler root, Descendants descendants) {
        this.root = root;
        this.descendants = descendants;
    }

    /** A tree sampler of {@code pid} with the strategy the kernel behind {@code proc} allows. */
    static ProcessTreeSampler open(long pid, MonitorClock clock, ProcRoot proc) throws IOException {
        ProcStatSampler root = ProcStatSampler.open(pid, clock, proc);
        return new ProcessTreeSampler(root, Descendants.of(proc, pid));
    }

    /** The strategy in use (for tests). */
    Descendants descendants() {
        return descendants;
    }

    @Override
    public long pid() {
        return root.pid();
    }

    @Override
    public void sample(ProcessReading into) throws IOException {
        ProcStat rootStat = root.read();
        total.copyFrom(rootStat);
        int members = 1 + descendants.addInto(rootStat, total);
        root.fill(total, into);
        into.childrenPfaults = total.cminflt + total.cmajflt;
        into.childrenPageins = total.cmajflt;
        into.numProcs = members;
    }

    @Override
    public void close() throws IOException {
        descendants.close();
        root.close();
    }
}
