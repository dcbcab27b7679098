package dev.procmon.core;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The descriptors a children walk keeps open for one process of the tree between samples: its
 * {@code stat} (none for the root, which its own sampler reads), the {@code children} file of
 * each of its threads (any thread may fork) and, when the tree sums them, its counters' files
 * ({@code io}, {@code status}, {@code smaps_rollup} on request). Opening files allocates and costs a path lookup, so it
 * is done when a process joins the tree, not at every sample.
 *
 * <p>Which threads there are: a single-threaded process has one children file, its own. For a
 * multi-threaded one the {@code task} directory is listed when it is first seen, whenever its thread
 * count changes, and at least every {@value #RELIST_EVERY} samples in between, because a thread
 * that exits while another starts leaves the count as it was (listing a directory allocates, so it
 * is not done at every sample). A child forked by a thread that is not yet tracked is therefore
 * found at the latest {@value #RELIST_EVERY} samples later.
 */
final class TreeMember {

    /** At most this many samples between two listings of a multi-threaded member's threads. */
    static final int RELIST_EVERY = 16;

    final long pid;
    /** The process's start time in ticks since boot: a different value means the pid was reused. */
    long starttime;
    /** The sample of the walk that last found this process in the tree (the rest are closed). */
    int lastSeen;

    private final @Nullable ProcStatReader stat;
    /** The member's counters beyond its stat line, opened when first summed (a tree with counters). */
    private @Nullable ProcessCounters counters;

    private long[] tids = new long[1];
    private RandomAccessFile[] children = new RandomAccessFile[1];
    private int threads;
    /** The thread count when the threads were last listed (0: not listed, or a single thread). */
    private long listedThreads;

    private int sinceListing;

    TreeMember(long pid, @Nullable ProcStatReader stat) {
        this.pid = pid;
        this.stat = stat;
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
        closeChildren(0);
        closeCounters();
        listedThreads = 0;
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
        return threads;
    }

    RandomAccessFile children(int thread) {
        return children[thread];
    }

    /** Makes the kept children files those of the threads {@code s} (this process's fresh stat) reports. */
    void trackThreads(ProcRoot proc, ProcStat s) {
        if (s.numThreads == 1 && s.state != 'Z') { // One thread; a zombie leader may leave others alive.
            listedThreads = 0;
            if (threads == 1 && tids[0] == pid) {
                return;
            }
            closeChildren(0);
            add(proc, pid);
            return;
        }
        if (listedThreads == s.numThreads && ++sinceListing < RELIST_EVERY) {
            return;
        }
        relist(proc, s.numThreads);
    }

    private void relist(ProcRoot proc, long numThreads) {
        listedThreads = numThreads;
        sinceListing = 0;
        String[] names = new File(proc.tasks(pid)).list();
        if (names == null) {
            closeChildren(0);
            return;
        }
        // Keep the files of threads still there (moved to the front), close the others, open the new.
        int kept = 0;
        for (int i = 0; i < threads; i++) {
            if (listed(names, tids[i])) {
                swap(i, kept++);
            }
        }
        closeChildren(kept);
        for (String name : names) {
            long tid = ProcRoot.parsePid(name);
            if (tid > 0 && indexOf(tid, kept) < 0) {
                add(proc, tid);
            }
        }
    }

    private static boolean listed(String[] names, long tid) {
        for (String name : names) {
            if (ProcRoot.parsePid(name) == tid) {
                return true;
            }
        }
        return false;
    }

    private int indexOf(long tid, int upTo) {
        for (int i = 0; i < upTo; i++) {
            if (tids[i] == tid) {
                return i;
            }
        }
        return -1;
    }

    private void swap(int a, int b) {
        long tid = tids[a];
        tids[a] = tids[b];
        tids[b] = tid;
        RandomAccessFile file = children[a];
        children[a] = children[b];
        children[b] = file;
    }

    private void add(ProcRoot proc, long tid) {
        RandomAccessFile file;
        try {
            file = new RandomAccessFile(proc.children(pid, tid), "r");
        } catch (IOException gone) {
            return; // The thread exited since it was listed: nothing of it to follow.
        }
        if (threads == tids.length) {
            tids = Arrays.copyOf(tids, threads * 2);
            children = Arrays.copyOf(children, threads * 2);
        }
        tids[threads] = tid;
        children[threads] = file;
        threads++;
    }

    /** Closes the children files from index {@code from} on. */
    private void closeChildren(int from) {
        for (int i = from; i < threads; i++) {
            closeQuietly(children[i]);
            children[i] = null;
        }
        threads = Math.min(threads, from);
    }

    /** Closes every descriptor; the member is not used again. */
    void close() {
        closeChildren(0);
        closeCounters();
        if (stat != null) {
            try {
                stat.close();
            } catch (IOException ignored) {
                // Closing a read-only /proc descriptor loses nothing.
            }
        }
    }

    private static void closeQuietly(RandomAccessFile file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // As above.
        }
    }
}
