package dev.procmon.plot;

import dev.procmon.core.LogField;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plots logs: reads them, then writes for each process run {@code NAME.dat}, {@code NAME.plt} and
 * the images and {@code NAME.summary.json} (see {@code docs/summary-json.md}), where {@code NAME} is {@code <log file name>_<pid>} (or {@code _<pid>-<run>} for a
 * later run of a reused pid) and the log file name is that of the <em>last</em> file given (the
 * current file of a rotated set, {@code app.log} for {@code app.log.2 app.log.1 app.log}), with
 * characters other than {@code [A-Za-z0-9._-]} replaced by {@code _}.
 */
public final class LogPlotter {

    private LogPlotter() {
    }

    /**
     * @param logs the log files, oldest first
     * @param outDir the output directory, created if missing
     * @param options how to plot
     * @return one summary per process run
     * @throws PlotInputException if the input cannot be plotted (one-line message naming the file)
     * @throws IOException if the output cannot be written, or gnuplot fails (one-line message)
     */
    public static PlotResult plot(List<Path> logs, Path outDir, PlotOptions options) throws PlotInputException, IOException {
        ParsedLog parsed = LogReader.read(logs, options.progress());
        Path last = logs.get(logs.size() - 1).getFileName();
        String logName = last == null ? "log" : last.toString();
        String base = OutputEscaper.fileName(logName);
        try {
            Files.createDirectories(outDir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(outDir + ": not a directory", e);
        }
        List<ProcessSummary> summaries = new ArrayList<>();
        for (SampleTable table : parsed.tables()) {
            if (options.time() == TimeAxis.CLOCK && !hasTimestamp(table)) {
                throw new PlotInputException(logName + ": pid " + table.pid() + " has no timestamps to plot against; use --time=elapsed");
            }
        }
        for (SampleTable table : parsed.tables()) {
            String name = base + "_" + table.pid() + (table.run() > 1 ? "-" + table.run() : "");
            DerivedSeries d = DerivedSeries.of(table, options.time());
            ChartLayout layout = new ChartLayout(ChartBuilder.build(logName, table, d, options.time()));
            RunSummary run = RunSummary.of(table);
            List<Path> files = new ArrayList<>();
            Path dat = outDir.resolve(name + ".dat");
            try (Writer w = Files.newBufferedWriter(dat, StandardCharsets.UTF_8)) {
                DatWriter.write(w, logName, table, d);
            }
            files.add(dat);
            Path plt = outDir.resolve(name + ".plt");
            try (Writer w = Files.newBufferedWriter(plt, StandardCharsets.UTF_8)) {
                GnuplotScriptWriter.write(w, name, layout);
            }
            files.add(plt);
            if (options.gnuplot()) {
                GnuplotRunner.run(outDir, plt.getFileName().toString());
                files.add(outDir.resolve(name + ".svg"));
            }
            for (OutputFormat format : OutputFormat.values()) {
                if (!options.formats().contains(format) || options.gnuplot() && format == OutputFormat.SVG) {
                    continue;
                }
                Path image = outDir.resolve(name + "." + format.extension());
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(image))) {
                    if (format == OutputFormat.HTML) {
                        HtmlReport.write(layout.chart.title(), List.of(HtmlRun.of(logName, table, layout.chart, run, 0)),
                                PhaseTable.of(run), out);
                    } else {
                        format.renderer().render(layout, out);
                    }
                }
                files.add(image);
            }
            Path summary = outDir.resolve(name + ".summary.json");
            SummaryJson.writeFile(summary, logName, run);
            files.add(summary);
            summaries.add(summary(logName, table, d, files));
        }
        return new PlotResult(summaries, parsed.malformedLines(), parsed.firstMalformed());
    }

    private static boolean hasTimestamp(SampleTable t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.timestamp.get(i) != Sample.NO_TIMESTAMP) {
                return true;
            }
        }
        return false;
    }

    private static ProcessSummary summary(String logName, SampleTable t, DerivedSeries d, List<Path> files) {
        double peak = 0;
        for (double v : d.rssMb()) {
            peak = Math.max(peak, v);
        }
        int n = t.size();
        double duration = t.column(LogField.ELAPSED_TIME).get(n - 1) - t.column(LogField.ELAPSED_TIME).get(0);
        return new ProcessSummary(logName, t.pid(), t.run(), n, duration, peak, d.meanCpu()[n - 1], t.labelCount(), files);
    }
}
