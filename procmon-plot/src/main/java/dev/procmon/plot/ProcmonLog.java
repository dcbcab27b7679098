package dev.procmon.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A procmon (or TotalDepth) log read into its process runs: the entry point for code that asserts
 * on a recording, such as a test in the build that made it.
 *
 * <pre>{@code
 * ProcessRun run = ProcmonLog.read(Path.of("target/app.log")).onlyRun();
 * RunSummary s = run.summary();
 * assertThat(s.peakRssBytes()).isLessThan(512L << 20);                 // 512 MiB
 * assertThat(s.phases()).filteredOn(p -> p.name().equals("indexing"))
 *         .allSatisfy(p -> assertThat(p.durationSeconds()).isLessThan(30));
 * double[] t = run.elapsedSeconds();                                  // one value per sample
 * double[] rss = run.rssBytes();
 * }</pre>
 *
 * Reading is the same as {@code procmon plot}'s: files oldest first (a rotated set), plain or gzip,
 * malformed lines skipped and counted.
 */
public final class ProcmonLog {

    private final List<ProcessRun> runs;
    private final long malformedLines;

    private ProcmonLog(List<ProcessRun> runs, long malformedLines) {
        this.runs = List.copyOf(runs);
        this.malformedLines = malformedLines;
    }

    /**
     * Reads a procmon log, split into process runs.
     *
     * @param files the log files, oldest first
     * @return the log's runs
     * @throws PlotInputException if a file is missing, unreadable or holds no valid sample line (the
     *     message names the file)
     */
    public static ProcmonLog read(Path... files) throws PlotInputException {
        return read(List.of(files));
    }

    /** As {@link #read(Path...)}. */
    public static ProcmonLog read(List<Path> files) throws PlotInputException {
        ParsedLog parsed = LogReader.read(files, ProgressListener.NONE);
        List<ProcessRun> runs = new ArrayList<>();
        for (SampleTable t : parsed.tables()) {
            runs.add(new ProcessRun(t));
        }
        return new ProcmonLog(runs, parsed.malformedLines());
    }

    /** Returns every process run, in order of first appearance (a reused pid gives a second run). */
    public List<ProcessRun> runs() {
        return runs;
    }

    /**
     * Returns the log's only run.
     *
     * @return the only run in the log
     * @throws IllegalStateException if the log has several (then choose with {@link #run(long)})
     */
    public ProcessRun onlyRun() {
        if (runs.size() != 1) {
            throw new IllegalStateException(
                    "the log has " + runs.size() + " process runs (" + describe(runs) + "); choose one with run(pid)");
        }
        return runs.get(0);
    }

    /**
     * Returns the only run of a process.
     *
     * @param pid a process id in the log
     * @return the only run of that process
     * @throws IllegalArgumentException if the pid is not in the log, or ran more than once (then
     *     pick from {@link #runs()})
     */
    public ProcessRun run(long pid) {
        List<ProcessRun> of = runs.stream().filter(r -> r.pid() == pid).toList();
        if (of.isEmpty()) {
            throw new IllegalArgumentException("pid " + pid + " is not in the log (" + describe(runs) + ")");
        }
        if (of.size() > 1) {
            throw new IllegalArgumentException(
                    "pid " + pid + " has " + of.size() + " runs in the log; pick from runs()");
        }
        return of.get(0);
    }

    /** Returns sample lines skipped as malformed or truncated. */
    public long malformedLines() {
        return malformedLines;
    }

    static String describe(List<ProcessRun> runs) {
        return runs.stream()
                .map(r ->
                        r.run() == 1 ? "pid " + r.pid() : String.format(Locale.ROOT, "pid %d run %d", r.pid(), r.run()))
                .collect(Collectors.joining(", "));
    }
}
