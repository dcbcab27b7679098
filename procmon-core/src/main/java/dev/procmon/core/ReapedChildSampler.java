package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Samples a child this JVM has started and waits for, and keeps answering once the child is gone.
 *
 * <p>When this JVM reaps a child, the kernel adds the child's CPU times and page faults, its own
 * reaped descendants' included, to this process's {@code cutime}, {@code cstime}, {@code cminflt}
 * and {@code cmajflt} ({@code /proc/self/stat}, fields 16, 17, 10 and 12 of proc(5) counted from 1:
 * 11 and 13 for the faults). Less what those counters held before the child was started (the
 * {@link ChildBaseline}), they are the child's exact final totals. So a reading asked for after the child
 * has been reaped (the STOP line, or every line of a command too short to be read alive) carries:
 * the memory of the last live reading (nothing, if there was none: the process holds no memory
 * now), {@code user}/{@code system} as last read, and the rest of the totals in
 * {@code children_user}/{@code children_system}, so that the four add up to what the kernel
 * accounted and none of them goes down; the faults likewise, {@code pfaults}/{@code pageins} as last
 * read and the rest in {@code children_pfaults}/{@code children_pageins}.
 *
 * <p>What the kernel does not count cannot be added: a descendant that outlives its parent is
 * re-parented (to init or a subreaper) and its CPU is charged there, not here.
 *
 * <p>Not hot: {@code /proc/self/stat} is read ({@link ChildCounters}) only after the child is gone.
 */
final class ReapedChildSampler implements Sampler {

    /** Opens the sampler of the live child (one process or its tree). */
    interface Opener {
        Sampler open() throws IOException;
    }

    private final long pid;
    private final ChildBaseline baseline;
    private final Path selfStat;
    private final Path procRoot;
    private final long clockTicksPerSecond;
    private @Nullable Sampler live;
    private final ProcessReading last = new ProcessReading();
    private boolean haveLast;

    /**
     * Opens the child's sampler and takes the first reading at once, so even a command shorter than
     * one interval has been read alive if it could be. A child already reaped is no error.
     */
    ReapedChildSampler(long pid, ChildBaseline baseline, Opener opener, Path procRoot, long clockTicksPerSecond)
            throws IOException {
        this.pid = pid;
        this.baseline = baseline;
        this.procRoot = procRoot;
        this.selfStat = procRoot.resolve("self").resolve("stat");
        this.clockTicksPerSecond = clockTicksPerSecond;
        try {
            live = opener.open();
        } catch (IOException e) {
            if (!isGone()) {
                throw e;
            }
        }
        if (live != null) {
            try {
                sample(new ProcessReading());
            } catch (IOException e) {
                // The first tick tries again and reports what is wrong.
            }
        }
    }

    /** The sampler of child {@code pid} under {@code /proc}; {@code opener} opens its live sampler. */
    static ReapedChildSampler open(long pid, ChildBaseline baseline, Opener opener, ProcRoot proc) throws IOException {
        if (pid <= 0) {
            throw new IOException("launchedChild() needs the child's pid");
        }
        return new ReapedChildSampler(
                pid, baseline, opener, proc.dir(), KernelConstants.read(proc).clockTicksPerSecond());
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public void sample(ProcessReading into) throws IOException {
        if (live != null) {
            try {
                live.sample(into);
                copy(into, last);
                haveLast = true;
                return;
            } catch (IOException e) {
                if (!(e instanceof ProcessGoneException) && !isGone()) {
                    throw e;
                }
                closeLive();
            }
        }
        reaped(into);
    }

    private boolean isGone() {
        return !Files.isDirectory(procRoot.resolve(Long.toString(pid)));
    }

    /** The child has been reaped: its exact totals, as described in the class comment. */
    private void reaped(ProcessReading into) throws IOException {
        ChildCounters now = ChildCounters.read(selfStat);
        ChildCounters before = baseline.counters();
        if (haveLast) {
            copy(last, into);
        } else {
            into.pid = pid;
            into.processStartNanos = baseline.nanoTime();
            into.rssBytes = 0;
            into.vmsBytes = 0;
            into.userMicros = 0;
            into.systemMicros = 0;
            into.childrenUserMicros = 0;
            into.childrenSystemMicros = 0;
            into.pageFaults = 0;
            into.majorFaults = 0;
        }
        long user = micros(now.cutimeTicks() - before.cutimeTicks());
        long system = micros(now.cstimeTicks() - before.cstimeTicks());
        long majors = now.cmajflt() - before.cmajflt();
        long faults = now.cminflt() - before.cminflt() + majors;
        into.childrenUserMicros = Math.max(known(into.childrenUserMicros), user - known(into.userMicros));
        into.childrenSystemMicros = Math.max(known(into.childrenSystemMicros), system - known(into.systemMicros));
        into.childrenPfaults = Math.max(known(into.childrenPfaults), faults - known(into.pageFaults));
        into.childrenPageins = Math.max(known(into.childrenPageins), majors - known(into.majorFaults));
    }

    private static long known(long value) {
        return value == ProcessReading.UNKNOWN ? 0 : value;
    }

    private long micros(long ticks) {
        return ticks * 1_000_000L / clockTicksPerSecond;
    }

    private static void copy(ProcessReading from, ProcessReading to) {
        to.pid = from.pid;
        to.processStartNanos = from.processStartNanos;
        to.rssBytes = from.rssBytes;
        to.vmsBytes = from.vmsBytes;
        to.pageFaults = from.pageFaults;
        to.majorFaults = from.majorFaults;
        to.userMicros = from.userMicros;
        to.systemMicros = from.systemMicros;
        to.childrenUserMicros = from.childrenUserMicros;
        to.childrenSystemMicros = from.childrenSystemMicros;
        to.childrenPfaults = from.childrenPfaults;
        to.childrenPageins = from.childrenPageins;
        to.pssBytes = from.pssBytes;
        to.ussBytes = from.ussBytes;
        to.numProcs = from.numProcs;
        to.numThreads = from.numThreads;
        to.numFds = from.numFds;
        to.voluntaryCtxSwitches = from.voluntaryCtxSwitches;
        to.involuntaryCtxSwitches = from.involuntaryCtxSwitches;
        to.readBytes = from.readBytes;
        to.writeBytes = from.writeBytes;
        to.readChars = from.readChars;
        to.writeChars = from.writeChars;
        to.cgroupMemoryMax = from.cgroupMemoryMax;
        to.cgroupMemoryCurrent = from.cgroupMemoryCurrent;
    }

    private void closeLive() {
        Sampler l = live;
        if (l == null) {
            return;
        }
        try {
            l.close();
        } catch (IOException e) {
            // Its process is gone; nothing left to release that matters.
        }
        live = null;
    }

    @Override
    public void close() throws IOException {
        if (live != null) {
            live.close();
            live = null;
        }
    }
}
