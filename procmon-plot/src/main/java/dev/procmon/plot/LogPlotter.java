package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plots logs: reads them, then writes for each process run {@code NAME.dat}, {@code NAME.plt} and
 * the images and {@code NAME.summary.json} ({@code docs/summary-json.md}), where {@code NAME} is
 * {@code <log file name>_<pid>} (or {@code _<pid>-<run>} for a
 * later run of a reused pid) and the log file name is that of the live file of a rotated set (the
 * file whose samples come last), with characters other than {@code [A-Za-z0-9._-]} replaced by
 * {@code _}. At most {@link PlotOptions#maxProcesses()} runs are plotted; every file is written
 * without following links in the output directory ({@link OutputFiles}).
 */
public final class LogPlotter {

    /** Phase rows in the terminal summary; the report and the summary JSON have them all. */
    static final int TERMINAL_PHASE_ROWS = 8;

    private LogPlotter() {}

    /**
     * Plots the logs: one chart set per process run.
     *
     * @param logs the log files, in any order (they are ordered by their content)
     * @param outDir the output directory, created if missing
     * @param options how to plot
     * @return one summary per process run plotted, and notices
     * @throws PlotInputException if the input cannot be plotted (one-line message naming the file)
     * @throws IOException if the output cannot be written, or gnuplot fails (one-line message naming the file)
     */
    public static PlotResult plot(List<Path> logs, Path outDir, PlotOptions options)
            throws PlotInputException, IOException {
        RendererWarmup.startFor(options.formats());
        ParsedLog parsed = LogReader.read(logs, options.progress(), options.stop());
        Path last = parsed.files().get(parsed.files().size() - 1).getFileName();
        String logName = last == null ? "log" : last.toString();
        String base = OutputEscaper.fileName(logName);
        try {
            Files.createDirectories(outDir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(outDir + ": not a directory", e);
        }
        List<SampleTable> tables = parsed.tables();
        List<SampleTable> plotted = tables.subList(0, Math.min(tables.size(), options.maxProcesses()));
        for (SampleTable table : plotted) {
            if (options.time() == TimeAxis.CLOCK && !hasTimestamp(table)) {
                throw new PlotInputException(
                        logName + ": pid " + table.pid() + " has no timestamps to plot against; use --time=elapsed");
            }
        }
        List<String> notices = new ArrayList<>(parsed.notices());
        if (plotted.size() < tables.size()) {
            long samples = 0;
            for (SampleTable t : tables.subList(plotted.size(), tables.size())) {
                samples += t.size();
            }
            notices.add(logName + ": plotted the first " + plotted.size() + " of " + tables.size()
                    + " process runs; the other " + (tables.size() - plotted.size()) + " hold " + samples
                    + " samples (raise the cap with --max-processes)");
        }
        List<ProcessSummary> summaries = new ArrayList<>();
        for (SampleTable table : plotted) {
            String name = base + "_" + table.pid() + (table.run() > 1 ? "-" + table.run() : "");
            // The summary with its JSON (a phase per label) and the .dat (a row per sample) are made
            // on threads of their own while the series are derived and the chart is laid out and drawn.
            BackgroundTask<SummaryFile> summary = new BackgroundTask<>("summary", () -> {
                RunSummary s = RunSummary.of(table);
                return new SummaryFile(
                        s,
                        OutputFiles.write(outDir, name + ".summary.json", out -> SummaryJson.write(out, logName, s)));
            });
            summary.start();
            DerivedSeries d;
            try {
                d = DerivedSeries.of(table, options.time(), options.cores());
            } catch (RuntimeException e) {
                summary.awaitQuietly();
                throw e;
            }
            BackgroundTask<Path> dat = new BackgroundTask<>(
                    "dat",
                    () -> OutputFiles.write(outDir, name + ".dat", out -> DatWriter.write(out, logName, table, d)));
            dat.start();
            List<Path> files = new ArrayList<>();
            try {
                ChartLayout layout = new ChartLayout(
                        ChartBuilder.build(logName, table, d, options.time()),
                        PanelBuilder.build(table, d, options.time()));
                if (layout.labels.capped()) {
                    notices.add(name + ": " + layout.labels.describe() + "; every label is in " + name + ".dat");
                }
                files.add(OutputFiles.write(outDir, name + ".plt", out -> {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    GnuplotScriptWriter.write(w, name, layout);
                    w.flush();
                }));
                if (options.gnuplot()) {
                    dat.join();
                    files.add(GnuplotRunner.run(outDir, name));
                }
                Scene scene = null;
                for (OutputFormat format : OutputFormat.values()) {
                    if (!options.formats().contains(format) || (options.gnuplot() && format == OutputFormat.SVG)) {
                        continue;
                    }
                    if (format == OutputFormat.HTML) {
                        // The report is drawn by the browser from the chart's series and the summary, not the scene.
                        RunSummary runSummary = summary.join().summary();
                        HtmlRun run = HtmlRun.of(
                                logName,
                                table,
                                layout.chart,
                                layout.panel == null ? null : layout.panel.chart,
                                runSummary,
                                0);
                        files.add(OutputFiles.write(
                                outDir,
                                name + ".html",
                                out -> HtmlReport.write(
                                        layout.chart.title(), List.of(run), PhaseTable.of(runSummary), out)));
                        continue;
                    }
                    Scene s = scene == null ? layout.scene() : scene;
                    scene = s;
                    files.add(OutputFiles.write(
                            outDir,
                            name + "." + format.extension(),
                            out -> format.renderer().render(s, out)));
                }
            } catch (IOException | RuntimeException e) {
                dat.awaitQuietly();
                summary.awaitQuietly();
                throw e;
            }
            try {
                files.add(0, dat.join());
            } catch (IOException | RuntimeException e) {
                summary.awaitQuietly();
                throw e;
            }
            SummaryFile done = summary.join();
            files.add(done.file());
            summaries.add(summary(logName, table, d, files, done.summary()));
        }
        return new PlotResult(summaries, parsed.malformedLines(), parsed.firstMalformed(), notices);
    }

    /** A run's summary and the JSON file it was written to. */
    private record SummaryFile(RunSummary summary, Path file) {}

    private static boolean hasTimestamp(SampleTable t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.timestamp.get(i) != Sample.NO_TIMESTAMP) {
                return true;
            }
        }
        return false;
    }

    private static ProcessSummary summary(
            String logName, SampleTable t, DerivedSeries d, List<Path> files, RunSummary runSummary) {
        // NaN when no line has RSS (a JFR recording of JDK 20 or older); lines without it are skipped.
        double peak = Double.NaN;
        for (double v : d.rssMb()) {
            peak = Double.isNaN(peak) || v > peak ? v : peak;
        }
        int n = t.size();
        double duration = t.column(LogField.ELAPSED_TIME).get(n - 1)
                - t.column(LogField.ELAPSED_TIME).get(0);
        return new ProcessSummary(
                logName,
                t.pid(),
                t.run(),
                n,
                duration,
                peak,
                d.meanCpu()[n - 1],
                t.labelCount(),
                files,
                PhaseTable.terminal(runSummary, TERMINAL_PHASE_ROWS));
    }
}
