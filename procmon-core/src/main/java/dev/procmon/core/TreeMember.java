package dev.procmon.core;

import java.io.IOException;
import java.io.RandomAccessFile;
import org.jspecify.annotations.Nullable;

/**
 * The descriptors a children walk keeps open for one process of the tree between samples: its
 * {@code stat} (none for the root, which its own sampler reads), the {@code children} file of
 * each of its threads (any thread may fork) and, when the tree sums them, its counters' files
 * ({@code io}, {@code status}, {@code smaps_rollup} on request). Opening files allocates and costs
 * a path lookup, so it is done when a process joins the tree, not at every sample. Which threads'
 * children files are kept is {@link ThreadChildren}'s business.
 */
final class TreeMember {

    final long pid;
    /** The process's start time in ticks since boot: a different value means the pid was reused. */
    long starttime;
    /** The sample of the walk that last found this process in the tree (the rest are closed). */
    int lastSeen;

    private final @Nullable ProcStatReader stat;
    /** The member's counters beyond its stat line, opened when first summed (a tree with counters). */
    private @Nullable ProcessCounters counters;

    private final ThreadChildren threads;

    TreeMember(long pid, @Nullable ProcStatReader stat) {
        this.pid = pid;
        this.stat = stat;
        this.threads = new ThreadChildren(pid);
    }

    /** Opens the stat of a process that has just joined the tree. */
    static TreeMember open(ProcRoot proc, long pid) throws IOException {
        return new TreeMember(pid, ProcStatReader.forPid(proc, pid));
    }

    /** Re-reads the kept-open stat (throws when the process has exited). */
    void read(ProcStat into) throws IOException {
        if (stat == null) {
            throw new IllegalStateException("pid " + pid + " is the walk's root: the sampler reads its stat");
        }
        stat.read(into);
    }

    /** The process behind the pid changed (pid reuse): what was opened for the old one is dropped. */
    void restarted(long newStarttime) {
        starttime = newStarttime;
        threads.reset();
        closeCounters();
    }

    /** This member's counters, opened through {@code sum} at the first call and kept. */
    ProcessCounters counters(ProcRoot proc, CounterSum sum) {
        ProcessCounters c = counters;
        if (c == null) {
            c = sum.open(proc, pid);
            counters = c;
        }
        return c;
    }

    private void closeCounters() {
        ProcessCounters c = counters;
        counters = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // Closing a read-only /proc descriptor loses nothing.
            }
        }
    }

    /** How many threads' children files are kept; see {@link #children(int)}. */
    int threads() {
        return threads.count();
    }

    RandomAccessFile children(int thread) {
        return threads.file(thread);
    }

    /** Makes the kept children files those of the threads {@code s} (this process's fresh stat) reports. */
    void trackThreads(ProcRoot proc, ProcStat s) {
        threads.track(proc, s);
    }

    /** Closes every descriptor; the member is not used again. */
    void close() {
        threads.close();
        closeCounters();
        if (stat != null) {
            try {
                stat.close();
            } catch (IOException ignored) {
                // Closing a read-only /proc descriptor loses nothing.
            }
        }
    }
}
