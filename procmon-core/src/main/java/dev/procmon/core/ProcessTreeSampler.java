package dev.procmon.core;

import java.io.File;
import java.io.IOException;

/**
 * Samples a process and all its live descendants as one: rss, vms, page faults and CPU times are
 * summed over the tree, and {@link Sample#numProcs} says how many processes were summed.
 *
 * <p>The tree is found afresh at every sample, because children come and go: {@code /proc} is
 * listed, every other process's {@code stat} is read once into a reused buffer, and the descendants
 * of the root are those reached by following the parent links ({@code ppid}) down from it. A process
 * that vanishes between the listing and its read is skipped silently; so are its children for that
 * sample, which are no longer linked to the root. A process whose parent exits is re-parented by the
 * kernel (to init or a subreaper) and leaves the tree, as it does in psutil's view.
 *
 * <p>{@code children_user}/{@code children_system} are the kernel's {@code cutime}/{@code cstime}
 * summed over the live tree: the CPU of descendants that have exited and been waited for by a
 * process of the tree. A child's CPU therefore moves from {@code user}/{@code system} to its
 * parent's {@code children_*} when it is reaped; the sum of the four stays continuous.
 *
 * <p>The root itself is read through {@link ProcStatSampler} (one descriptor kept open, the same
 * conversion to bytes and seconds), so the root going away ends the recording exactly as it does for
 * a single process.
 */
final class ProcessTreeSampler implements Sampler {

    private final ProcStatSampler root;
    private final File proc;
    private final byte[] buffer = new byte[1024];
    private final ProcStat total = new ProcStat();

    /** The other processes read this sample; grown, never shrunk, so steady state allocates no stats. */
    private ProcStat[] others = new ProcStat[0];
    private boolean[] member = new boolean[0];
    private long[] queue = new long[1];

    ProcessTreeSampler(ProcStatSampler root, File proc) {
        this.root = root;
        this.proc = proc;
    }

    static ProcessTreeSampler open(long pid, MonitorClock clock) throws IOException {
        return new ProcessTreeSampler(ProcStatSampler.open(pid, clock), new File("/proc"));
    }

    @Override
    public long pid() {
        return root.pid();
    }

    @Override
    public void sample(Sample into) throws IOException {
        total.copyFrom(root.read());
        int n = readOthers();
        int members = 1 + addDescendants(n);
        root.fill(total, into);
        into.numProcs = members;
    }

    /** Reads the stat of every process but the root; returns how many were read. */
    private int readOthers() {
        String[] names = proc.list();
        if (names == null) {
            return 0;
        }
        if (others.length < names.length) {
            grow(names.length);
        }
        long rootPid = root.pid();
        String prefix = proc.getPath() + File.separator;
        int n = 0;
        for (String name : names) {
            long pid = parsePid(name);
            if (pid <= 0 || pid == rootPid) {
                continue;
            }
            try {
                ProcStatReader.readOnce(prefix + name + "/stat", buffer, others[n]);
                n++;
            } catch (IOException gone) {
                // Exited since the listing, or not ours to read: not part of any tree we can sum.
            }
        }
        return n;
    }

    /**
     * Marks the descendants of the root among the first {@code n} others, breadth first, adding each
     * into {@link #total}; returns how many there were. O(n × tree size), no allocation.
     */
    private int addDescendants(int n) {
        java.util.Arrays.fill(member, 0, n, false);
        int head = 0;
        int tail = 0;
        queue[tail++] = root.pid();
        while (head < tail) {
            long parent = queue[head++];
            for (int i = 0; i < n; i++) {
                if (!member[i] && others[i].ppid == parent) {
                    member[i] = true;
                    total.add(others[i]);
                    queue[tail++] = others[i].pid;
                }
            }
        }
        return tail - 1;
    }

    private void grow(int size) {
        int length = Math.max(size, others.length * 2);
        ProcStat[] bigger = java.util.Arrays.copyOf(others, length);
        for (int i = others.length; i < length; i++) {
            bigger[i] = new ProcStat();
        }
        others = bigger;
        member = new boolean[length];
        queue = new long[length + 1];
    }

    /** The pid a /proc entry names, or -1 for the entries that are not processes ("self", "sys"...). */
    static long parsePid(String name) {
        int length = name.length();
        if (length == 0 || length > 18) {
            return -1;
        }
        long pid = 0;
        for (int i = 0; i < length; i++) {
            int digit = name.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            pid = pid * 10 + digit;
        }
        return pid;
    }

    @Override
    public void close() throws IOException {
        root.close();
    }
}
