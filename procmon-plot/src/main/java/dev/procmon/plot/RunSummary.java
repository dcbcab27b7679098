package dev.procmon.plot;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one process run cost, and each of its phases (or label intervals). Counters in the log are
 * cumulative since the process started, so the run's totals are the values at its last sample and its
 * duration is the process's age then ({@code elapsed_time}), not the time the recording watched. A value
 * the log does not have is NaN.
 *
 * <p>CPU time is {@code user + system + children_user + children_system}, each when present (children
 * count once they have exited and been waited for); NaN only if the log has none of them.
 *
 * @param pid the process id
 * @param run 1 for the first run of this pid in the log, 2 for the next, ...
 * @param samples sample count (lines repeating a sample to carry a label are not counted)
 * @param labels label count, phase lines included
 * @param firstSampleSeconds {@code elapsed_time} of the first sample
 * @param durationSeconds {@code elapsed_time} of the last sample
 * @param peakRssBytes the largest RSS
 * @param peakRssSeconds {@code elapsed_time} of the first sample with the largest RSS
 * @param peakRssTime local wall-clock time of that sample, null if the log has no timestamps
 * @param cpuSeconds CPU time at the last sample that has one
 * @param meanCpuPercent {@code cpuSeconds} over the elapsed time of that sample, % of one core
 * @param heapPeakBytes the largest JVM heap used
 * @param heapPeakSeconds {@code elapsed_time} of the first sample with the largest heap used
 * @param gcTimeSeconds JVM garbage collection time at the last sample that has one
 * @param ioReadBytes bytes read from storage ({@code io_counters.read_bytes}) at the last sample that has one
 * @param ioWriteBytes bytes written to storage ({@code io_counters.write_bytes}) at the last sample that has one
 * @param phases the phases in order of their start, or, in a run without phases, the label intervals
 */
public record RunSummary(
        long pid,
        int run,
        int samples,
        int labels,
        double firstSampleSeconds,
        double durationSeconds,
        double peakRssBytes,
        double peakRssSeconds,
        @Nullable LocalDateTime peakRssTime,
        double cpuSeconds,
        double meanCpuPercent,
        double heapPeakBytes,
        double heapPeakSeconds,
        double gcTimeSeconds,
        double ioReadBytes,
        double ioWriteBytes,
        List<PhaseSummary> phases) {

    /** Copies {@code phases}. */
    public RunSummary {
        phases = List.copyOf(phases);
    }

    /**
     * Returns this summary as the JSON object of {@code NAME.summary.json} (docs/summary-json.md)
     * without its {@code format}, {@code version} and {@code log} fields.
     */
    public String toJson() {
        return SummaryJson.toJson(this);
    }

    /** Summarises a table in one pass over its samples. */
    static RunSummary of(SampleTable table) {
        return SummaryPass.summarise(table);
    }
}
