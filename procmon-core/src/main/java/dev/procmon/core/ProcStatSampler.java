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

    ProcStatSampler(long pid, KernelConstants kernel, MonitorClock clock) throws IOException {
        this.pid = pid;
        this.kernel = kernel;
        this.reader = ProcStatReader.forPid(pid);
        reader.read(stat);
        this.processStartNanos = processStartNanos(stat.starttime, kernel, clock);
    }

    static ProcStatSampler open(long pid, MonitorClock clock) throws IOException {
        return new ProcStatSampler(pid, KernelConstants.read(), clock);
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
        reader.read(stat);
        into.pid = pid;
        into.processStartNanos = processStartNanos;
        into.rssBytes = stat.rssPages * kernel.pageSize();
        into.vmsBytes = stat.vsize;
        into.pageFaults = stat.minflt + stat.majflt;
        into.majorFaults = stat.majflt;
        into.userMicros = ticksToMicros(stat.utime);
        into.systemMicros = ticksToMicros(stat.stime);
        into.childrenUserMicros = ticksToMicros(stat.cutime);
        into.childrenSystemMicros = ticksToMicros(stat.cstime);
    }

    private long ticksToMicros(long ticks) {
        return ticks * 1_000_000L / kernel.clockTicksPerSecond();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
