package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Runs side by side: one process from each log, overlaid in one HTML report, aligned at their
 * start (elapsed time 0) or at the first label of a given text, with a table comparing them
 * ({@link CompareTable}). Written as {@code compare.html} in the output directory.
 */
public final class RunComparison {

    /** The report's file name in the output directory. */
    public static final String FILE_NAME = "compare.html";

    private RunComparison() {}

    /**
     * Writes one chart comparing the runs of several logs.
     *
     * @param logs one log per run (each file read on its own), at least two
     * @param pid the process to take from each log; empty to take each log's only process
     * @param alignAt the label text to align the runs at; null to align them at their start
     * @param outDir the output directory, created if missing
     * @param progress told how far reading has got
     * @return the report written
     * @throws PlotInputException if a log has no such process, several without {@code pid}, or no such label
     */
    public static Path write(
            List<Path> logs, OptionalLong pid, @Nullable String alignAt, Path outDir, ProgressListener progress)
            throws PlotInputException, IOException {
        if (logs.size() < 2) {
            throw new PlotInputException("--compare needs at least two logs");
        }
        List<HtmlRun> runs = new ArrayList<>();
        List<RunSummary> summaries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Chart reference = null;
        for (Path log : logs) {
            String logName = log.getFileName() == null
                    ? log.toString()
                    : log.getFileName().toString();
            SampleTable table =
                    choose(logName, LogReader.read(List.of(log), progress).tables(), pid);
            DerivedSeries derived = DerivedSeries.of(table, TimeAxis.ELAPSED);
            Chart chart = ChartBuilder.build(logName, table, derived, TimeAxis.ELAPSED);
            Chart activity = PanelBuilder.build(table, derived, TimeAxis.ELAPSED);
            if (reference == null) {
                reference = chart;
            }
            RunSummary summary = RunSummary.of(table);
            double offset = alignAt == null ? 0 : labelTime(logName, table, alignAt);
            String name = names.contains(logName) ? logName + " (" + (names.size() + 1) + ")" : logName;
            names.add(name);
            runs.add(HtmlRun.of(name, table, matchScales(chart, reference), activity, summary, offset));
            summaries.add(summary);
        }
        try {
            Files.createDirectories(outDir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(outDir + ": not a directory", e);
        }
        String title = "Runs compared: " + String.join(", ", names)
                + (alignAt == null ? ", aligned at their start" : ", aligned at label " + alignAt);
        // As every other output: a new file moved into place, so a link planted there is replaced, never
        // followed (opening it NOFOLLOW failed with a line naming no file).
        return OutputFiles.write(
                outDir,
                FILE_NAME,
                out -> HtmlReport.write(title, runs, List.of(CompareTable.of(names, summaries)), out));
    }

    /**
     * {@code chart} with each series that {@code reference} also has (same {@code .dat} column) in the
     * reference's name and scale, so that overlaid runs share units (page faults are scaled per run).
     */
    private static Chart matchScales(Chart chart, Chart reference) {
        List<Chart.Series> series = new ArrayList<>();
        for (Chart.Series s : chart.series()) {
            Chart.Series r = reference.series().stream()
                    .filter(o -> o.datColumn() == s.datColumn())
                    .findFirst()
                    .orElse(s);
            double[] y = s.y();
            if (r.scale() != s.scale()) {
                y = new double[y.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = s.y()[i] * s.scale() / r.scale();
                }
            }
            series.add(new Chart.Series(
                    r.name(), s.color(), s.width(), s.rightAxis(), s.x(), y, s.datColumn(), r.scale()));
        }
        return new Chart(
                chart.title(), chart.xTitle(), chart.yTitle(), chart.y2Title(), chart.clock(), series, chart.labels());
    }

    private static SampleTable choose(String logName, List<SampleTable> tables, OptionalLong pid)
            throws PlotInputException {
        if (pid.isPresent()) {
            for (SampleTable t : tables) {
                if (t.pid() == pid.getAsLong()) {
                    return t;
                }
            }
            throw new PlotInputException(logName + ": no samples of pid " + pid.getAsLong() + pids(tables));
        }
        if (tables.size() != 1) {
            throw new PlotInputException(
                    logName + ": " + tables.size() + " process runs" + pids(tables) + "; choose one with --pid");
        }
        return tables.get(0);
    }

    private static String pids(List<SampleTable> tables) {
        return tables.isEmpty()
                ? ""
                : " (pids "
                        + tables.stream()
                                .map(t -> Long.toString(t.pid()))
                                .distinct()
                                .collect(Collectors.joining(", ")) + ")";
    }

    private static double labelTime(String logName, SampleTable table, String text) throws PlotInputException {
        for (SampleTable.Label l : table.labels()) {
            if (l.text().equals(text)) {
                return table.get(LogField.ELAPSED_TIME, l.index());
            }
        }
        throw new PlotInputException(
                logName + ": no label \"" + OutputEscaper.datComment(text) + "\" to align at (--align-at)");
    }
}
