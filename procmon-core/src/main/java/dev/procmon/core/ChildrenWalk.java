package dev.procmon.core;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Finds a tree by walking down from the root through the kernel's children files, breadth first:
 * for each process of the tree the children files of its threads are read, and each child's
 * {@code stat} is read and counted if its parent link ({@code ppid}) still names the process it was
 * listed under (else its parent exited meanwhile and it has been re-parented out of the tree). The
 * cost is that of the tree, not of the machine.
 *
 * <p>Descriptors are kept open between samples ({@link TreeMember}): a member's stat and children
 * files are re-read from offset 0 with one seek and one read each (plus one read that finds the end
 * of a non-empty children list), as the root's stat is. A process is opened when it joins the tree
 * and closed when it leaves or exits; a pid whose kept descriptor answers "no such process" is
 * opened afresh (the pid was reused), and a changed start time drops what was opened for the old
 * process. In steady state (no process joins or leaves) a sample allocates nothing.
 *
 * <p>Descriptors are a limited resource of the program procmon runs in: at most
 * {@value #MAX_KEPT} members are kept open (two descriptors each for a single-threaded member);
 * the members beyond are opened, read and closed at each sample, as the full scan does.
 */
final class ChildrenWalk implements Descendants {

    /** At most this many members have descriptors kept open; the rest are read and closed. */
    static final int MAX_KEPT = 1000;

    private final int maxKept;
    private final ProcRoot proc;
    private final TreeMember root;
    private final MemberTable members = new MemberTable();
    private final ProcStat one = new ProcStat();
    /** Pids listed as children this sample, with the parent each was listed under. */
    private final ChildQueue queue = new ChildQueue();

    private int stamp;
    private boolean lost;

    ChildrenWalk(ProcRoot proc, long rootPid) {
        this(proc, rootPid, MAX_KEPT);
    }

    ChildrenWalk(ProcRoot proc, long rootPid, int maxKept) {
        this.maxKept = maxKept;
        this.proc = proc;
        this.root = new TreeMember(rootPid, null);
    }

    @Override
    public int addInto(ProcStat rootStat, ProcStat total, @Nullable CounterSum counters) {
        stamp++;
        lost = false;
        queue.reset(root.pid);
        if (root.starttime != rootStat.starttime) {
            root.restarted(rootStat.starttime);
        }
        listChildren(root, rootStat);
        int count = 0;
        while (queue.hasNext()) {
            long pid = queue.next();
            long parent = queue.parent();
            TreeMember m = readMember(pid);
            if (m == null) {
                continue; // Gone since the listing (lost, if it was reaped), or not ours to read.
            }
            if (one.pid != pid || one.ppid != parent) {
                if (members.get(pid) != m) {
                    m.close();
                }
                continue; // Re-parented since the listing: not in the tree (a kept one is closed below).
            }
            if (m.starttime != one.starttime) {
                m.restarted(one.starttime);
            }
            if (one.state == 'X') {
                // Being reaped: the kernel marks the zombie dead, then adds its totals to its parent's
                // children counters, then removes it. Counted here it might be counted twice; the parent
                // read before may not hold it yet: lost, and the walk is done again.
                lost = true;
                m.lastSeen = stamp;
                if (members.get(pid) != m) {
                    m.close();
                }
                continue;
            }
            m.lastSeen = stamp;
            total.add(one);
            if (counters != null) {
                counters.add(m.counters(proc, counters));
            }
            count++;
            listChildren(m, one);
            if (members.get(pid) != m) {
                m.close(); // Read once, beyond MAX_KEPT.
            }
        }
        if (members.evictUnseen(stamp) > 0) {
            lost = true; // Reaped before its parent's stat was read (counted there), or just after (not).
        }
        return count;
    }

    @Override
    public boolean lostMembers() {
        return lost;
    }

    /** Reads a listed pid's stat into {@link #one} through its kept descriptor; null if it is gone. */
    private @Nullable TreeMember readMember(long pid) {
        TreeMember m = members.get(pid);
        if (m != null) {
            try {
                m.read(one);
                return m;
            } catch (IOException exited) {
                // The process we had open exited; the pid listed now may be a new one: open it afresh.
                members.remove(pid);
                m.close();
            }
        }
        try {
            m = TreeMember.open(proc, pid);
        } catch (IOException e) {
            return gone(pid); // Exited since its parent listed it, or not ours to read.
        }
        try {
            m.read(one);
        } catch (IOException e) {
            m.close();
            return gone(pid);
        }
        m.starttime = one.starttime;
        if (members.size() < maxKept) {
            members.put(m);
        }
        return m;
    }

    /**
     * Notes a listed process that could not be read: lost when it is gone (its parent listed it, so
     * its parent's stat, read before, does not hold it yet), not when it is there but not ours.
     */
    private @Nullable TreeMember gone(long pid) {
        if (!new java.io.File(proc.process(pid)).isDirectory()) {
            lost = true;
        }
        return null;
    }

    /** Queues the not yet seen children of every thread of {@code m}. */
    private void listChildren(TreeMember m, ProcStat stat) {
        m.trackThreads(proc, stat);
        for (int t = 0; t < m.threads(); t++) {
            queue.addChildrenOf(m.pid, m.children(t));
        }
    }

    /** How many processes below the root have descriptors open (for tests). */
    int openMembers() {
        return members.size();
    }

    @Override
    public void close() {
        members.closeAll();
        root.close();
    }
}
