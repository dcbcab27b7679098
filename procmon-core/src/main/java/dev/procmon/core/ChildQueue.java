package dev.procmon.core;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Arrays;

/**
 * The processes a children walk has yet to read, in the order they were found (breadth first), each
 * with the parent it was listed under; a pid is queued at most once per walk. Filled from the
 * kernel's children files, re-read and parsed into reused arrays: nothing is allocated once they
 * have grown to the tree's size.
 */
final class ChildQueue {

    private final PidSet seen = new PidSet(64);
    /** Children files are longer than a stat line; grown, never shrunk. */
    private byte[] list = new byte[4096];

    private long[] pids = new long[64];
    private long[] listedUnder = new long[64];
    private int head;
    private int tail;
    private long parent;

    /** Empties the queue for a new walk from {@code rootPid} (never queued itself). */
    void reset(long rootPid) {
        seen.clear();
        seen.add(rootPid);
        head = 0;
        tail = 0;
    }

    boolean hasNext() {
        return head < tail;
    }

    /** Takes the next pid; {@link #parent()} then tells whom it was listed under. */
    long next() {
        parent = listedUnder[head];
        return pids[head++];
    }

    /** The parent the pid last taken by {@link #next()} was listed under. */
    long parent() {
        return parent;
    }

    /** Re-reads a kept children file of a thread of {@code parent} and queues the pids not yet seen. */
    void addChildrenOf(long parent, RandomAccessFile childrenFile) {
        queue(read(childrenFile), parent);
    }

    /** Re-reads one kept children file into {@link #list}; 0 when the thread is gone. */
    private int read(RandomAccessFile file) {
        int length = 0;
        try {
            file.seek(0);
            int n;
            while ((n = file.read(list, length, list.length - length)) > 0) {
                length += n;
                if (length == list.length) {
                    list = Arrays.copyOf(list, list.length * 2);
                }
            }
        } catch (IOException gone) {
            return 0; // The thread exited: its children went to another thread or a reaper.
        }
        return length;
    }

    /** Parses the space-separated pids in {@link #list} and queues the unseen ones under {@code parent}. */
    private void queue(int length, long parent) {
        long pid = -1;
        for (int i = 0; i <= length; i++) {
            int digit = i < length ? list[i] - '0' : -1;
            if (digit >= 0 && digit <= 9) {
                pid = (pid < 0 ? 0 : pid * 10) + digit;
            } else if (pid >= 0) {
                if (seen.add(pid)) {
                    if (tail == pids.length) {
                        pids = Arrays.copyOf(pids, tail * 2);
                        listedUnder = Arrays.copyOf(listedUnder, tail * 2);
                    }
                    pids[tail] = pid;
                    listedUnder[tail] = parent;
                    tail++;
                }
                pid = -1;
            }
        }
    }
}
