package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Samples a process and all its live descendants as one: rss, vms, page faults, CPU times and
 * threads are summed over the tree, and so are, when the monitor reads them ({@link CounterSum}),
 * I/O, context switches, descriptors and PSS/USS; {@link ProcessReading#numProcs} says how many
 * processes were summed. The cgroup's memory is the root's.
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
 * continuous. The kernel folds a reaped child's I/O into its reaper's own {@code io}, so the I/O
 * sums stay continuous too; context switches have no such figure, and a member that exits takes
 * its share out of the sum (a step down, which a reader shows as a gap, never a negative rate).
 *
 * <p>A child reaped by its parent after the parent's stat was read but before its own was is in
 * neither: the tree's CPU and faults would dip for that sample; one read while being reaped (state
 * {@code X}: its totals on their way into its parent's) might be in both. A walk that lost a member
 * (listed but gone or being reaped, or a member of the last walk no longer found) is therefore done
 * again, root first, up to
 * {@value #MAX_WALKS} times; by then the reaped child's totals are in its parent's children
 * counters. This costs one more walk at a sample where a member left, and closes the race for every
 * member with kept descriptors (the children walk; not the full scan).
 *
 * <p>The root itself is read through {@link ProcStatSampler} (one descriptor kept open, the same
 * conversion to bytes and seconds), so the root going away ends the recording exactly as it does for
 * a single process.
 */
final class ProcessTreeSampler implements Sampler {

    private final ProcStatSampler root;
    private final Descendants descendants;
    /**
     * At most this many walks per sample: a walk that lost a member is done again (see {@link
     * Descendants#lostMembers()}); a tree losing members in this many walks in a row keeps the last.
     */
    static final int MAX_WALKS = 4;

    private final ProcStat total = new ProcStat();
    private int tick;
    /** The sums beyond the stat line, or null (the stat line only: benches, some tests). */
    private final @Nullable CounterSum counters;
    /** The root's counters beyond its stat line (its cgroup's included), or null. */
    private final @Nullable ProcessCounters rootCounters;

    /** A tree of stat lines only. */
    ProcessTreeSampler(ProcStatSampler root, Descendants descendants) {
        this(root, descendants, null, null);
    }

    ProcessTreeSampler(
            ProcStatSampler root,
            Descendants descendants,
            @Nullable CounterSum counters,
            @Nullable ProcessCounters rootCounters) {
        this.root = root;
        this.descendants = descendants;
        this.counters = counters;
        this.rootCounters = rootCounters;
    }

    /**
     * A tree sampler of {@code pid}'s stat lines only, with the strategy the kernel behind {@code
     * proc} allows.
     */
    static ProcessTreeSampler open(long pid, MonitorClock clock, ProcRoot proc) throws IOException {
        ProcStatSampler root = ProcStatSampler.open(pid, clock, proc);
        return new ProcessTreeSampler(root, Descendants.of(proc, pid));
    }

    /** The monitor's tree sampler: stat lines and every other counter, summed ({@code memory} as asked). */
    static ProcessTreeSampler withCounters(long pid, MonitorClock clock, ProcRoot proc, MemoryDetail memory)
            throws IOException {
        ProcStatSampler root = ProcStatSampler.open(pid, clock, proc);
        return new ProcessTreeSampler(
                root,
                Descendants.of(proc, pid),
                new CounterSum(memory),
                ProcessCounters.open(Path.of(proc.process(pid)), memory, true));
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
        CounterSum sum = counters;
        boolean sparse = tick++ % ProcessCounters.SPARSE_PERIOD == 0;
        int members;
        int walks = 0;
        do {
            ProcStat rootStat = root.read();
            total.copyFrom(rootStat);
            if (sum != null) {
                sum.begin(sparse);
                if (rootCounters != null) {
                    sum.add(rootCounters);
                }
            }
            members = 1 + descendants.addInto(rootStat, total, sum);
        } while (descendants.lostMembers() && ++walks < MAX_WALKS);
        root.fill(total, into);
        if (sum != null) {
            sum.fill(into);
        }
        into.numProcs = members;
    }

    @Override
    public void close() throws IOException {
        descendants.close();
        if (rootCounters != null) {
            SamplerChoice.closeQuietly(rootCounters);
        }
        root.close();
    }
}
