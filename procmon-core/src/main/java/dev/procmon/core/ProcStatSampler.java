package dev.procmon.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples one process, this JVM or any other, from {@code /proc/<pid>/stat} (Linux). */
final class ProcStatSampler implements Sampler {

    private final long pid;
    private final ProcStatReader reader;
    private final KernelConstants kernel;
    private final ProcStat stat = new ProcStat();
    private final long processStartNanos;
    /** The counters beyond the stat line, or null (a tree's root reads its stat line only). */
    private final ProcessCounters counters;

    ProcStatSampler(long pid, KernelConstants kernel, MonitorClock clock) throws IOException {
        this(pid, kernel, clock, null);
    }

    private ProcStatSampler(long pid, KernelConstants kernel, MonitorClock clock, MemoryDetail memory)
            throws IOException {
        this.pid = pid;
        this.kernel = kernel;
        this.reader = ProcStatReader.forPid(pid);
        reader.read(stat);
        this.processStartNanos = processStartNanos(stat.starttime, kernel, clock);
        this.counters = memory == null ? null : ProcessCounters.open(Path.of("/proc", Long.toString(pid)), memory);
    }

    /** A sampler of the stat line alone. */
    static ProcStatSampler open(long pid, MonitorClock clock) throws IOException {
        return new ProcStatSampler(pid, KernelConstants.read(), clock);
    }

    /** A sampler of the stat line and the other counters of {@link ProcessCounters}: the monitor's. */
    static ProcStatSampler open(long pid, MonitorClock clock, MemoryDetail memory) throws IOException {
        return new ProcStatSampler(pid, KernelConstants.read(), clock, memory);
    }

    /**
     * Where the process's start falls in the monotonic clock: its start time in ticks since boot
     * against the system uptime, read once (so elapsed_time counts from the process start, as
     * TotalDepth's does, not from the monitor's).
     */
    private static long processStartNanos(long startTicks, KernelConstants kernel, MonitorClock clock)
            throws IOException {
        String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
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
    public void sample(Sample into) throws IOException {
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
            if (isGone(e, pid)) {
                throw new ProcessGoneException(pid, e);
            }
            throw e;
        }
        return stat;
    }

    /** Whether a failed read means the process has exited (ESRCH on the kept descriptor, or no dir). */
    static boolean isGone(IOException e, long pid) {
        return e instanceof java.nio.file.NoSuchFileException || e instanceof java.io.FileNotFoundException
                || "No such process".equals(e.getMessage())
                || !Files.isDirectory(Path.of("/proc", Long.toString(pid)));
    }

    /** Converts raw counters (this process's, or a tree's sum) into a sample of this process. */
    void fill(ProcStat s, Sample into) {
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
