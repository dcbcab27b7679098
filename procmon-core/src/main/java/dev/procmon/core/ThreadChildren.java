package dev.procmon.core;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Arrays;

/**
 * The {@code children} files of one tree member's threads, kept open between samples (any thread
 * may fork). A single-threaded process has one, its own. For a multi-threaded one the {@code task}
 * directory is listed when it is first seen, whenever its thread count changes, and at least every
 * {@value #RELIST_EVERY} samples in between, because a thread that exits while another starts leaves
 * the count as it was (listing a directory allocates, so it is not done at every sample). A child
 * forked by a thread that is not yet tracked is therefore found at the latest {@value #RELIST_EVERY}
 * samples later.
 */
final class ThreadChildren {

    /** At most this many samples between two listings of a multi-threaded member's threads. */
    static final int RELIST_EVERY = 16;

    private final long pid;
    private long[] tids = new long[1];
    private RandomAccessFile[] children = new RandomAccessFile[1];
    private int threads;
    /** The thread count when the threads were last listed (0: not listed, or a single thread). */
    private long listedThreads;

    private int sinceListing;

    ThreadChildren(long pid) {
        this.pid = pid;
    }

    /** The process behind the pid changed (pid reuse): every file is closed, the threads are listed afresh. */
    void reset() {
        closeChildren(0);
        listedThreads = 0;
    }

    /** How many threads' children files are kept; see {@link #file(int)}. */
    int count() {
        return threads;
    }

    RandomAccessFile file(int thread) {
        return children[thread];
    }

    /** Makes the kept children files those of the threads {@code s} (this process's fresh stat) reports. */
    void track(ProcRoot proc, ProcStat s) {
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

    /** Closes every file. */
    void close() {
        closeChildren(0);
    }

    private static void closeQuietly(RandomAccessFile file) {
        try {
            file.close();
        } catch (IOException ignored) {
            // Closing a read-only /proc descriptor loses nothing.
        }
    }
}
