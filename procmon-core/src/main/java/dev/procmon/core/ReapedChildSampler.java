package dev.procmon.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples a child this JVM has started and waits for, and keeps answering once the child is gone.
 *
 * <p>When this JVM reaps a child, the kernel adds the child's CPU times and page faults, its own
 * reaped descendants' included, to this process's {@code cutime}, {@code cstime}, {@code cminflt}
 * and {@code cmajflt} ({@code /proc/self/stat}, fields 16, 17, 10 and 12 of proc(5) counted from 1:
 * 11 and 13 for the faults). Less what those counters held before the child was started (the
 * {@link Baseline}), they are the child's exact final totals. So a reading asked for after the child
 * has been reaped (the STOP line, or every line of a command too short to be read alive) carries:
 * the memory of the last live reading (nothing, if there was none: the process holds no memory
 * now), {@code user}/{@code system} as last read, and the rest of the totals in
 * {@code children_user}/{@code children_system}, so that the four add up to what the kernel
 * accounted and none of them goes down. Faults: {@code pfaults}/{@code pageins} become the totals.
 *
 * <p>What the kernel does not count cannot be added: a descendant that outlives its parent is
 * re-parented (to init or a subreaper) and its CPU is charged there, not here.
 *
 * <p>Not hot: {@code /proc/self/stat} is read (allocating a String) only after the child is gone.
 */
final class ReapedChildSampler implements Sampler {

    /** This JVM's children counters and the monotonic time, read just before a child is started. */
    record Baseline(long cutimeTicks, long cstimeTicks, long cminflt, long cmajflt, long nanoTime) {

        static Baseline now(Path selfStat, MonitorClock clock) {
            try {
                long[] f = readChildCounters(selfStat);
                return new Baseline(f[0], f[1], f[2], f[3], clock.nanoTime());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + selfStat + ": " + e.getMessage(), e);
            }
        }
    }

    /** Opens the sampler of the live child (one process or its tree). */
    interface Opener {
        Sampler open() throws IOException;
    }

    private final long pid;
    private final Baseline baseline;
    private final Path selfStat;
    private final Path procRoot;
    private final long clockTicksPerSecond;
    private Sampler live;
    private final Sample last = new Sample();
    private boolean haveLast;

    /**
     * Opens the child's sampler and takes the first reading at once, so even a command shorter than
     * one interval has been read alive if it could be. A child already reaped is no error.
     */
    ReapedChildSampler(long pid, Baseline baseline, Opener opener, Path procRoot, long clockTicksPerSecond)
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
                sample(new Sample());
            } catch (IOException e) {
                // The first tick tries again and reports what is wrong.
            }
        }
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public void sample(Sample into) throws IOException {
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
    private void reaped(Sample into) throws IOException {
        long[] now = readChildCounters(selfStat);
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
        long user = micros(now[0] - baseline.cutimeTicks());
        long system = micros(now[1] - baseline.cstimeTicks());
        long faults = now[2] - baseline.cminflt() + now[3] - baseline.cmajflt();
        long majors = now[3] - baseline.cmajflt();
        into.childrenUserMicros = Math.max(known(into.childrenUserMicros), user - known(into.userMicros));
        into.childrenSystemMicros = Math.max(known(into.childrenSystemMicros), system - known(into.systemMicros));
        into.pageFaults = Math.max(known(into.pageFaults), faults);
        into.majorFaults = Math.max(known(into.majorFaults), majors);
    }

    private static long known(long value) {
        return value == Sample.UNKNOWN ? 0 : value;
    }

    private long micros(long ticks) {
        return ticks * 1_000_000L / clockTicksPerSecond;
    }

    /**
     * Fields 16 and 17 (cutime, cstime, ticks) and 11 and 13 (cminflt, cmajflt) of a stat line,
     * counted as in proc(5); the fields are counted from the last ')' because the name may hold any.
     */
    static long[] readChildCounters(Path selfStat) throws IOException {
        String line = Files.readString(selfStat, StandardCharsets.US_ASCII);
        int close = line.lastIndexOf(')');
        if (close < 0) {
            throw new IOException("no ')' in " + selfStat);
        }
        String[] f = line.substring(close + 1).trim().split(" ");
        if (f.length < 17 - 2) {
            throw new IOException(selfStat + " has only " + (f.length + 2) + " fields");
        }
        // f[0] is field 3 (state).
        try {
            return new long[] {Long.parseLong(f[16 - 3]), Long.parseLong(f[17 - 3]), Long.parseLong(f[11 - 3]),
                Long.parseLong(f[13 - 3])};
        } catch (NumberFormatException e) {
            throw new IOException("not a number in " + selfStat, e);
        }
    }

    private static void copy(Sample from, Sample to) {
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
        to.numProcs = from.numProcs;
    }

    private void closeLive() {
        try {
            live.close();
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
