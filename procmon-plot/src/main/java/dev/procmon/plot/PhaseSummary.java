package dev.procmon.plot;

/**
 * What one span of a run cost: a phase (from its {@code phase: start} label line to the matching
 * {@code phase: end}) or, in a run without phases, the interval from one label to the next. A span
 * starts and ends at the samples its label lines carry. Counters are differences between those two
 * samples; peaks are over every sample from the first to the last, both included. A value the log
 * does not have is NaN.
 *
 * @param name the phase name or label text
 * @param kind a phase or a label interval
 * @param depth 0 for a top-level phase or a label interval, 1 for a phase opened inside another, ...
 * @param closed true if an end line (phase end, or the next label) ended the span; false if it ran to
 *     the run's last sample (a phase never closed, the last label interval)
 * @param startSeconds {@code elapsed_time} at the start, seconds since the process started
 * @param durationSeconds seconds from start to end
 * @param cpuSeconds CPU time used in the span (user + system + children's, as in {@link RunSummary})
 * @param meanCpuPercent {@code cpuSeconds / durationSeconds * 100} (% of one core); NaN for a span of
 *     zero length
 * @param rssStartBytes RSS at the start
 * @param rssPeakBytes the largest RSS in the span
 * @param rssEndBytes RSS at the end
 * @param heapPeakBytes the largest JVM heap used in the span
 * @param gcTimeSeconds JVM garbage collection time in the span
 * @param ioReadBytes bytes read from storage in the span ({@code io_counters.read_bytes})
 * @param ioWriteBytes bytes written to storage in the span ({@code io_counters.write_bytes})
 */
public record PhaseSummary(
        String name,
        Kind kind,
        int depth,
        boolean closed,
        double startSeconds,
        double durationSeconds,
        double cpuSeconds,
        double meanCpuPercent,
        double rssStartBytes,
        double rssPeakBytes,
        double rssEndBytes,
        double heapPeakBytes,
        double gcTimeSeconds,
        double ioReadBytes,
        double ioWriteBytes) {

    /** What delimits a span. */
    public enum Kind {
        /** A phase: {@code ProcessMonitor.phase(name)}'s start and end lines. */
        PHASE,
        /** From one label to the next (or the run's end), in a run without phases. */
        LABEL_INTERVAL
    }

    /** Returns {@code startSeconds + durationSeconds}. */
    public double endSeconds() {
        return startSeconds + durationSeconds;
    }

    /** Returns {@code rssEndBytes - rssStartBytes}: what the span left behind (negative: it freed memory). */
    public double rssChangeBytes() {
        return rssEndBytes - rssStartBytes;
    }
}
