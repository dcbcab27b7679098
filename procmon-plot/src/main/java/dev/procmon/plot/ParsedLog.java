package dev.procmon.plot;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of reading one log (one or more files).
 *
 * @param tables one table per process run, in order of first appearance
 * @param malformedLines sample lines skipped as malformed or truncated
 * @param firstMalformed {@code file:line} of the first few of them
 * @param files the files in the order read (oldest content first; the last is the live file)
 * @param notices one line each where input was cut short (truncated gzip, a signal, an endless stream)
 */
record ParsedLog(
        List<SampleTable> tables,
        long malformedLines,
        List<String> firstMalformed,
        List<Path> files,
        List<String> notices) {

    /** Copies the lists. */
    ParsedLog {
        tables = List.copyOf(tables);
        firstMalformed = List.copyOf(firstMalformed);
        files = List.copyOf(files);
        notices = List.copyOf(notices);
    }
}
