package dev.procmon.core;

import java.io.File;
import org.jspecify.annotations.Nullable;

/**
 * How a tree sampler finds the live descendants of its root at each sample: {@link ChildrenWalk}
 * where the kernel lists children, {@link ProcScan} (every process of the proc root) where it does
 * not. Either way a process that vanishes mid-sample is skipped silently, and so are its children
 * for that sample; a process is counted at most once.
 */
interface Descendants extends AutoCloseable {

    /**
     * Adds the stat counters of every live descendant of the root into {@code total}, and their
     * other counters into {@code counters} when given, and returns how many descendants there were.
     *
     * @param rootStat the root's stat, read by the caller at this sample
     */
    int addInto(ProcStat rootStat, ProcStat total, @Nullable CounterSum counters);

    /**
     * Whether the last {@link #addInto} lost a process of the tree while it walked: one listed but
     * gone before its stat was read, or one of the last walk's members no longer found. Its parent
     * may have reaped it after its own stat was read, so the walk may have counted it nowhere: the
     * caller walks again. The full scan does not tell (false).
     */
    default boolean lostMembers() {
        return false;
    }

    /** Closes what is kept open between samples; never throws. */
    @Override
    void close();

    /**
     * The children walk where the kernel has {@code /proc/<pid>/task/<tid>/children} (Linux 3.5+,
     * CONFIG_PROC_CHILDREN; the root's main-thread file exists), else the full scan.
     */
    static Descendants of(ProcRoot proc, long rootPid) {
        return hasChildrenFiles(proc, rootPid) ? new ChildrenWalk(proc, rootPid) : new ProcScan(proc, rootPid);
    }

    static boolean hasChildrenFiles(ProcRoot proc, long pid) {
        return new File(proc.children(pid, pid)).exists();
    }
}
