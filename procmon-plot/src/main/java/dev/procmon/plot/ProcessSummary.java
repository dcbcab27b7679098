package dev.procmon.plot;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What was plotted for one process run.
 *
 * @param logName the log file name the output files are named after
 * @param pid the process id
 * @param run 1 for the first run of this pid in the log, 2 for the next (elapsed time went back) ...
 * @param samples sample count (lines that repeat the previous sample only to carry a label are not
 *     counted)
 * @param durationSeconds elapsed time from the first sample to the last
 * @param peakRssMb the largest RSS, MB (1 MB = 1,048,576 bytes)
 * @param meanCpuPercent (user + system) / elapsed time * 100 at the last sample; NaN if unknown
 * @param labels label count
 * @param files the files written, in the order written
 * @param phaseTable the first rows of the run's phase table (per phase, or per interval between
 *     labels), aligned for a terminal, header first; empty when the run has neither
 */
public record ProcessSummary(
        String logName,
        long pid,
        int run,
        int samples,
        double durationSeconds,
        double peakRssMb,
        double meanCpuPercent,
        int labels,
        List<Path> files,
        List<String> phaseTable) {

    /** Copies {@code files} and {@code phaseTable}. */
    public ProcessSummary {
        files = List.copyOf(files);
        phaseTable = List.copyOf(phaseTable);
    }

    /** Returns e.g. {@code app.log: pid 86611: 143 samples over 12.4 s, peak RSS 381.9 MB, mean CPU 23.5 %, 8 labels}.
     */
    public String describe() {
        String who = run == 1 ? "pid " + pid : "pid " + pid + " (run " + run + ")";
        String cpu = Double.isFinite(meanCpuPercent) ? ReadableNumber.number(meanCpuPercent) + " %" : "n/a";
        // n/a when no line had RSS (a JFR recording of JDK 20 or older, issue 15).
        String rss = Double.isFinite(peakRssMb) ? ReadableNumber.number(peakRssMb) + " MB" : "n/a";
        return String.format(
                Locale.ROOT,
                "%s: %s: %d %s over %s s, peak RSS %s, mean CPU %s, %d %s",
                logName,
                who,
                samples,
                samples == 1 ? "sample" : "samples",
                ReadableNumber.number(durationSeconds),
                rss,
                cpu,
                labels,
                labels == 1 ? "label" : "labels");
    }
}
