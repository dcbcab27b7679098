package dev.procmon.core;

import org.jspecify.annotations.Nullable;

/**
 * The processes of a tree whose descriptors are kept open, by pid: lookups on the per-sample path
 * without boxing, and removal of the members that left (hand-written for that reason). Open
 * addressing with linear probing; removal shifts the following entries back, so there are no
 * tombstones and a table that stays the same size never allocates.
 */
final class MemberTable {

    private long[] pids = new long[16];
    private TreeMember[] members = new TreeMember[16];
    private int size;

    int size() {
        return size;
    }

    /** The member with this pid, or null. */
    @Nullable
    TreeMember get(long pid) {
        int mask = members.length - 1;
        for (int i = slot(pid, mask); members[i] != null; i = (i + 1) & mask) {
            if (pids[i] == pid) {
                return members[i];
            }
        }
        return null;
    }

    /** Adds a member whose pid is not in the table. */
    void put(TreeMember member) {
        if (2 * (size + 1) > members.length) {
            grow();
        }
        int mask = members.length - 1;
        int i = slot(member.pid, mask);
        while (members[i] != null) {
            i = (i + 1) & mask;
        }
        pids[i] = member.pid;
        members[i] = member;
        size++;
    }

    /** Removes the member with this pid, if there is one (the caller closes it). */
    void remove(long pid) {
        int mask = members.length - 1;
        for (int i = slot(pid, mask); members[i] != null; i = (i + 1) & mask) {
            if (pids[i] == pid) {
                removeAt(i);
                return;
            }
        }
    }

    /** Closes and removes every member not seen in sample {@code stamp}; returns how many there were. */
    int evictUnseen(int stamp) {
        int evicted = 0;
        for (int i = 0; i < members.length; ) {
            TreeMember m = members[i];
            if (m != null && m.lastSeen != stamp) {
                removeAt(i); // An entry from further on may now be at i: look at i again.
                m.close();
                evicted++;
            } else {
                i++;
            }
        }
        return evicted;
    }

    /** Closes and removes every member. */
    void closeAll() {
        for (int i = 0; i < members.length; i++) {
            if (members[i] != null) {
                members[i].close();
                members[i] = null;
            }
        }
        size = 0;
    }

    private void removeAt(int hole) {
        int mask = members.length - 1;
        members[hole] = null;
        size--;
        // Backward shift (Knuth 6.4, algorithm R): move later entries of the run into the hole
        // unless their home slot lies cyclically after the hole.
        for (int i = (hole + 1) & mask; members[i] != null; i = (i + 1) & mask) {
            int home = slot(pids[i], mask);
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                pids[hole] = pids[i];
                members[hole] = members[i];
                members[i] = null;
                hole = i;
            }
        }
    }

    private static int slot(long pid, int mask) {
        return Long.hashCode(pid * 0x9E3779B97F4A7C15L) & mask;
    }

    private void grow() {

        TreeMember[] old = members;
        pids = new long[old.length * 2];
        members = new TreeMember[old.length * 2];
        size = 0;
        for (int i = 0; i < old.length; i++) {
            if (old[i] != null) {
                put(old[i]);
            }
        }
    }
}
