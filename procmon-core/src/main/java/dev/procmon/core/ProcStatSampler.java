package dev.procmon.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Samples one process, this JVM or any other, from {@code /proc/<pid>/stat} (Linux). */
final class ProcStatSampler implements Sampler {

    private final long pid;
    private final ProcRoot proc;
    private final ProcStatReader reader;
    private final KernelConstants kernel;
    private final ProcStat stat = new ProcStat();
    private final long processStartNanos;
    /** The counters beyond the stat line, or null (a tree's root reads its stat line only). */
    private final @Nullable ProcessCounters counters;

    ProcStatSampler(long pid, KernelConstants kernel, MonitorClock clock, ProcRoot proc) throws IOException {
        this(pid, kernel, clock, proc, null);
    }

    private ProcStatSampler(
            long pid, KernelConstants kernel, MonitorClock clock, ProcRoot proc, @Nullable MemoryDetail memory)
            throws IOException {
        this.pid = pid;
        this.proc = proc;
        this.kernel = kernel;
        this.reader = ProcStatReader.forPid(proc, pid);
        try {
            reader.read(stat);
            this.processStartNanos = processStartNanos(stat.starttime, kernel, clock, proc);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        this.counters = memory == null ? null : ProcessCounters.open(Path.of(proc.process(pid)), memory);
    }

    /** A sampler of the stat line alone (a tree's root, whose line is the tree's sum; benches). */
    static ProcStatSampler open(long pid, MonitorClock clock, ProcRoot proc) throws IOException {
        return new ProcStatSampler(pid, KernelConstants.read(proc), clock, proc);
    }

    /**
     * The monitor's sampler of one process: the stat line and the counters of {@link ProcessCounters}
     * (PSS/USS when {@code memory} asks for them).
     */
    static ProcStatSampler withCounters(long pid, MonitorClock clock, ProcRoot proc, MemoryDetail memory)
            throws IOException {
        return new ProcStatSampler(pid, KernelConstants.read(proc), clock, proc, memory);
    }

    /**
     * Where the process's start falls in the monotonic clock: its start time in ticks since boot
     * against the system uptime, read once (so elapsed_time counts from the process start, as
     * TotalDepth's does, not from the monitor's).
     */
    private static long processStartNanos(long startTicks, KernelConstants kernel, MonitorClock clock, ProcRoot proc)
            throws IOException {
        String uptime = Files.readString(Path.of(proc.uptime()), StandardCharsets.US_ASCII);
        long now = clock.nanoTime();
        double uptimeSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
        double startSeconds = (double) startTicks / kernel.clockTicksPerSecond();
        return now - (long) ((uptimeSeconds - startSeconds) * 1e9);
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public void sample(ProcessReading into) throws IOException {
        fill(read(), into);
        if (counters != null) {
            counters.read(into);
        }
    }

    /**
     * Reads the process's stat into this sampler's reused {@link ProcStat} and returns it.
     *
     * @throws ProcessGoneException when the process has exited
     */
    ProcStat read() throws IOException {
        try {
            reader.read(stat);
        } catch (IOException e) {
            if (isGone(e, proc, pid)) {
                throw new ProcessGoneException(pid, e);
            }
            throw e;
        }
        // A zombie has exited but is not yet reaped: its memory is gone (rss reads 0) and its counters
        // are final. It is gone for sampling, so the STOP line keeps the last reading of the living
        // process instead of a reading of zeros.
        if (stat.state == 'Z' || stat.state == 'X') {
            throw new ProcessGoneException(
                    pid, new IOException("process " + pid + " has exited (state " + (char) stat.state + ")"));
        }
        return stat;
    }

    /** Whether a failed read means the process has exited (ESRCH on the kept descriptor, or no dir). */
    static boolean isGone(IOException e, ProcRoot proc, long pid) {
        return e instanceof java.nio.file.NoSuchFileException
                || e instanceof java.io.FileNotFoundException
                || "No such process".equals(e.getMessage())
                || !Files.isDirectory(Path.of(proc.process(pid)));
    }

    /** Converts raw counters (this process's, or a tree's sum) into a sample of this process. */
    void fill(ProcStat s, ProcessReading into) {
        into.pid = pid;
        into.processStartNanos = processStartNanos;
        into.rssBytes = s.rssPages * kernel.pageSize();
        into.vmsBytes = s.vsize;
        into.pageFaults = s.minflt + s.majflt;
        into.majorFaults = s.majflt;
        into.childrenPfaults = s.cminflt + s.cmajflt;
        into.childrenPageins = s.cmajflt;
        into.numThreads = s.numThreads;
        into.userMicros = ticksToMicros(s.utime);
        into.systemMicros = ticksToMicros(s.stime);
        into.childrenUserMicros = ticksToMicros(s.cutime);
        into.childrenSystemMicros = ticksToMicros(s.cstime);
    }

    private long ticksToMicros(long ticks) {
        return ticks * 1_000_000L / kernel.clockTicksPerSecond();
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            if (counters != null) {
                counters.close();
            }
        }
    }
}
