package dev.procmon.plot;

import java.util.List;

/**
 * The result of reading one log (one or more files).
 *
 * @param tables one table per process run, in order of first appearance
 * @param malformedLines sample lines skipped as malformed or truncated
 * @param firstMalformed {@code file:line} of the first few of them
 */
public record ParsedLog(List<SampleTable> tables, long malformedLines, List<String> firstMalformed) {

    /** Copies the lists. */
    public ParsedLog {
        tables = List.copyOf(tables);
        firstMalformed = List.copyOf(firstMalformed);
    }
}
