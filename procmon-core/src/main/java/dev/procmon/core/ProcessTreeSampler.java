package dev.procmon.core;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Samples a process and all its live descendants as one: rss, vms, page faults and CPU times are
 * summed over the tree, and {@link Sample#numProcs} says how many processes were summed.
 *
 * <p>The tree is found afresh at every sample, because children come and go. Where the kernel has
 * {@code /proc/<pid>/task/<tid>/children} (Linux 3.5+, CONFIG_PROC_CHILDREN) the tree is walked down
 * from the root, breadth first: for each process of the tree the children files of all its threads
 * are read (any thread may fork; a single-threaded process's one file is read without listing
 * {@code task}), and each child's {@code stat} is read once into a reused buffer and counted if its
 * parent link ({@code ppid}) still names the process it was listed under. The cost is therefore that
 * of the tree, not of the machine. Without the children files, {@code /proc} is listed, every other
 * process's {@code stat} is read, and the descendants are those reached by following the parent links
 * down from the root. Either way a process that vanishes mid-walk is skipped silently, and so are its
 * children for that sample; a process is counted at most once. A process whose parent exits is
 * re-parented by the kernel (to init or a subreaper) and leaves the tree, as it does in psutil's view.
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
    /** Whether the tree is walked through the children files (else: the full /proc scan). */
    private final boolean walk;
    private final String procPrefix;
    private final byte[] buffer = new byte[1024];
    /** For children files, which can be longer than a stat line; grown, never shrunk. */
    private byte[] listBuffer = new byte[1024];
    private final StringBuilder path = new StringBuilder(64);
    private final ProcStat total = new ProcStat();
    private final ProcStat one = new ProcStat();

    /** The other processes read this sample (scan); grown, never shrunk, so steady state allocates no stats. */
    private ProcStat[] others = new ProcStat[0];
    private boolean[] member = new boolean[0];
    /** Scan: pids to visit. Walk: pids listed as children, with the parent each was listed under. */
    private long[] queue = new long[64];
    private long[] listedUnder = new long[64];
    /** Walk: the pids seen this sample, open addressing; a slot is live when its stamp is this sample's. */
    private long[] seenPids = new long[64];
    private int[] seenStamps = new int[64];
    private int seenCount;
    private int stamp;

    ProcessTreeSampler(ProcStatSampler root, File proc) {
        this(root, proc, hasChildrenFiles(proc, root.pid()));
    }

    /** With {@code walk} false the full /proc scan is used even where children files exist (tests). */
    ProcessTreeSampler(ProcStatSampler root, File proc, boolean walk) {
        this.root = root;
        this.proc = proc;
        this.walk = walk;
        this.procPrefix = proc.getPath() + File.separator;
    }

    static ProcessTreeSampler open(long pid, MonitorClock clock) throws IOException {
        return new ProcessTreeSampler(ProcStatSampler.openStatOnly(pid, clock), new File("/proc"));
    }

    /** Whether the kernel lists children per thread (the root's main thread's file exists). */
    static boolean hasChildrenFiles(File proc, long pid) {
        return new File(proc, pid + File.separator + "task" + File.separator + pid + File.separator + "children")
                .exists();
    }

    /** Whether this sampler walks the children files rather than scanning all of /proc. */
    boolean walksChildren() {
        return walk;
    }

    @Override
    public long pid() {
        return root.pid();
    }

    @Override
    public void sample(Sample into) throws IOException {
        ProcStat rootStat = root.read();
        total.copyFrom(rootStat);
        int members;
        if (walk) {
            members = 1 + walkDescendants(rootStat);
        } else {
            int n = readOthers();
            members = 1 + addDescendants(n);
        }
        root.fill(total, into);
        into.numProcs = members;
    }

    /**
     * Walks the tree down from the root through the children files, adding each live descendant into
     * {@link #total}; returns how many there were.
     */
    private int walkDescendants(ProcStat rootStat) {
        long rootPid = root.pid();
        newSample();
        markSeen(rootPid);
        int head = 0;
        int tail = listChildren(rootPid, rootStat, 0);
        int members = 0;
        while (head < tail) {
            long pid = queue[head];
            long parent = listedUnder[head];
            head++;
            try {
                ProcStatReader.readOnce(path().append(pid).append("/stat").toString(), buffer, one);
            } catch (IOException gone) {
                continue; // Exited since its parent listed it, or not ours to read: skipped with its children.
            }
            if (one.pid != pid || one.ppid != parent) {
                continue; // Re-parented (its parent exited) since the listing: no longer in the tree.
            }
            total.add(one);
            members++;
            tail = listChildren(pid, one, tail);
        }
        return members;
    }

    /**
     * Appends to the queue, from {@code tail}, the children not yet seen of every thread of process
     * {@code pid}; returns the new tail. A process or thread gone meanwhile contributes nothing.
     */
    private int listChildren(long pid, ProcStat stat, int tail) {
        if (stat.numThreads == 1 && stat.state != 'Z') {
            // One thread, and it is the leader (a zombie leader may leave one other thread alive).
            return readChildren(path().append(pid).append("/task/").append(pid).append("/children"), pid, tail);
        }
        String[] tids = new File(path().append(pid).append("/task").toString()).list();
        if (tids == null) {
            return tail;
        }
        for (String tid : tids) {
            if (parsePid(tid) > 0) {
                tail = readChildren(path().append(pid).append("/task/").append(tid).append("/children"), pid, tail);
            }
        }
        return tail;
    }

    /** Reads one children file (space-separated pids) and queues the unseen ones under {@code parent}. */
    private int readChildren(CharSequence file, long parent, int tail) {
        int length = 0;
        try (FileInputStream in = new FileInputStream(file.toString())) {
            int n;
            while ((n = in.read(listBuffer, length, listBuffer.length - length)) > 0) {
                length += n;
                if (length == listBuffer.length) {
                    listBuffer = Arrays.copyOf(listBuffer, listBuffer.length * 2);
                }
            }
        } catch (IOException gone) {
            return tail; // The process or thread exited: its children are re-parented, not ours.
        }
        long pid = -1;
        for (int i = 0; i <= length; i++) {
            int digit = i < length ? listBuffer[i] - '0' : -1;
            if (digit >= 0 && digit <= 9) {
                pid = (pid < 0 ? 0 : pid * 10) + digit;
            } else if (pid >= 0) {
                if (markSeen(pid)) {
                    if (tail == queue.length) {
                        queue = Arrays.copyOf(queue, tail * 2);
                        listedUnder = Arrays.copyOf(listedUnder, tail * 2);
                    }
                    queue[tail] = pid;
                    listedUnder[tail] = parent;
                    tail++;
                }
                pid = -1;
            }
        }
        return tail;
    }

    /** The reused path builder, holding the proc root and a separator. */
    private StringBuilder path() {
        path.setLength(0);
        return path.append(procPrefix);
    }

    private void newSample() {
        stamp++;
        if (stamp == 0) { // Wrapped after 2^32 samples: old stamps could look current.
            Arrays.fill(seenStamps, 0);
            stamp = 1;
        }
        seenCount = 0;
    }

    /** Adds a pid to this sample's seen set; false if it was already there. */
    private boolean markSeen(long pid) {
        if (2 * (seenCount + 1) > seenPids.length) {
            rehash();
        }
        int mask = seenPids.length - 1;
        int i = Long.hashCode(pid * 0x9E3779B97F4A7C15L) & mask;
        while (seenStamps[i] == stamp) {
            if (seenPids[i] == pid) {
                return false;
            }
            i = (i + 1) & mask;
        }
        seenPids[i] = pid;
        seenStamps[i] = stamp;
        seenCount++;
        return true;
    }

    private void rehash() {
        long[] oldPids = seenPids;
        int[] oldStamps = seenStamps;
        int live = stamp;
        seenPids = new long[oldPids.length * 2];
        seenStamps = new int[oldPids.length * 2];
        seenCount = 0;
        for (int i = 0; i < oldPids.length; i++) {
            if (oldStamps[i] == live) {
                markSeen(oldPids[i]);
            }
        }
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
        String prefix = procPrefix;
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
        Arrays.fill(member, 0, n, false);
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
        ProcStat[] bigger = Arrays.copyOf(others, length);
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
