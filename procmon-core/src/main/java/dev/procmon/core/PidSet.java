package dev.procmon.core;

import java.util.Arrays;

/**
 * A set of pids that is emptied in O(1) and allocates nothing once it has grown to the largest size
 * it is used at: the per-sample "seen" set of a tree walk. Hand-written because it is on the
 * per-sample path, where a {@code HashSet<Long>} would box every pid.
 *
 * <p>Open addressing with linear probing; a slot is in the set when its stamp is the current one, so
 * {@link #clear()} only moves the stamp on.
 */
final class PidSet {

    private long[] pids;
    private int[] stamps;
    private int size;
    private int stamp = 1;

    PidSet() {
        this(16);
    }

    PidSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected) * 2 - 1) * 2;
        pids = new long[capacity];
        stamps = new int[capacity];
    }

    /** Empties the set. */
    void clear() {
        size = 0;
        stamp++;
        if (stamp == 0) { // Wrapped after 2^32 clears: an old stamp could look current.
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
    }

    int size() {
        return size;
    }

    boolean contains(long pid) {
        int mask = pids.length - 1;
        for (int i = slot(pid, mask); stamps[i] == stamp; i = (i + 1) & mask) {
            if (pids[i] == pid) {
                return true;
            }
        }
        return false;
    }

    /** Adds a pid; false if it was already in the set. */
    boolean add(long pid) {
        if (2 * (size + 1) > pids.length) {
            grow();
        }
        int mask = pids.length - 1;
        int i = slot(pid, mask);
        while (stamps[i] == stamp) {
            if (pids[i] == pid) {
                return false;
            }
            i = (i + 1) & mask;
        }
        pids[i] = pid;
        stamps[i] = stamp;
        size++;
        return true;
    }

    private static int slot(long pid, int mask) {
        return Long.hashCode(pid * 0x9E3779B97F4A7C15L) & mask;
    }

    private void grow() {
        long[] oldPids = pids;
        int[] oldStamps = stamps;
        int live = stamp;
        pids = new long[oldPids.length * 2];
        stamps = new int[oldPids.length * 2];
        stamp = 1;
        size = 0;
        for (int i = 0; i < oldPids.length; i++) {
            if (oldStamps[i] == live) {
                add(oldPids[i]);
            }
        }
    }
}
