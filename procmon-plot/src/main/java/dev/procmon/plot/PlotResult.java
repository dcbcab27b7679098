package dev.procmon.plot;

import java.util.List;

/**
 * What {@link LogPlotter#plot} did.
 *
 * @param processes one summary per process run plotted, in order of first appearance
 * @param malformedLines sample lines skipped as malformed or truncated
 * @param firstMalformed {@code file:line} of the first few of them
 * @param notices one line each: caps that applied, input cut short (truncated gzip, a signal), and the like
 */
public record PlotResult(
        List<ProcessSummary> processes, long malformedLines, List<String> firstMalformed, List<String> notices) {

    /** Copies the lists. */
    public PlotResult {
        processes = List.copyOf(processes);
        firstMalformed = List.copyOf(firstMalformed);
        notices = List.copyOf(notices);
    }
}
