package dev.procmon.core;

import java.io.FileInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Finds a tree where the kernel has no children files: the proc root is listed, every other
 * process's {@code stat} read (open, read, close: keeping a descriptor per process on the machine
 * would leak them as processes come and go), and the descendants are those reached by following
 * the parent links down from the root. Costs what the machine has, not what the tree has; it is
 * the fallback, and allocates a listing per sample.
 */
final class ProcScan implements Descendants {

    private final ProcRoot proc;
    private final long rootPid;
    private final byte[] buffer = new byte[1024];
    /** The other processes read this sample; grown, never shrunk. */
    private ProcStat[] others = new ProcStat[0];

    private boolean[] member = new boolean[0];
    private long[] queue = new long[1];

    ProcScan(ProcRoot proc, long rootPid) {
        this.proc = proc;
        this.rootPid = rootPid;
    }

    @Override
    public int addInto(ProcStat rootStat, ProcStat total, @Nullable CounterSum counters) {
        return addDescendants(readOthers(), total, counters);
    }

    /** Reads the stat of every process but the root; returns how many were read. */
    private int readOthers() {
        String[] names = proc.dir().toFile().list();
        if (names == null) {
            return 0;
        }
        if (others.length < names.length) {
            grow(names.length);
        }
        int n = 0;
        for (String name : names) {
            long pid = ProcRoot.parsePid(name);
            if (pid <= 0 || pid == rootPid) {
                continue;
            }
            try {
                readOnce(proc.stat(pid), others[n]);
                n++;
            } catch (IOException gone) {
                // Exited since the listing, or not ours to read: not part of any tree we can sum.
            }
        }
        return n;
    }

    private void readOnce(String path, ProcStat into) throws IOException {
        int length = 0;
        try (FileInputStream in = new FileInputStream(path)) {
            int n;
            while (length < buffer.length && (n = in.read(buffer, length, buffer.length - length)) > 0) {
                length += n;
            }
        }
        ProcStatReader.parse(buffer, length, into);
    }

    /**
     * Marks the descendants of the root among the first {@code n} others, breadth first, adding each
     * into {@code total} (and its other counters, opened for this sample only, into {@code counters});
     * returns how many there were. O(n x tree size).
     */
    private int addDescendants(int n, ProcStat total, @Nullable CounterSum counters) {
        Arrays.fill(member, 0, n, false);
        int head = 0;
        int tail = 0;
        queue[tail++] = rootPid;
        while (head < tail) {
            long parent = queue[head++];
            for (int i = 0; i < n; i++) {
                if (!member[i] && others[i].ppid == parent) {
                    member[i] = true;
                    total.add(others[i]);
                    if (counters != null) {
                        counters.addOnce(proc, others[i].pid);
                    }
                    queue[tail++] = others[i].pid;
                }
            }
        }
        return tail - 1;
    }

    private void grow(int size) {
        int length = Math.max(size, others.length * 2);
        ProcStat[] bigger = Arrays.copyOf(others, length);
        for (int i = others.length; i < length; i++) {
            bigger[i] = new ProcStat();
        }
        others = bigger;
        member = new boolean[length];
        queue = new long[length + 1];
    }

    @Override
    public void close() {
        // Nothing is kept open.
    }
}
