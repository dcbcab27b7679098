package dev.procmon.cli;

import dev.procmon.plot.LogPlotter;
import dev.procmon.plot.OutputFormat;
import dev.procmon.plot.PlotInputException;
import dev.procmon.plot.PlotOptions;
import dev.procmon.plot.PlotResult;
import dev.procmon.plot.ProcessSummary;
import dev.procmon.plot.ProgressListener;
import dev.procmon.plot.RunComparison;
import dev.procmon.plot.TimeAxis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code procmon plot LOG... OUTDIR}: writes .dat, .plt and images per process found in the logs. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Plot the process samples in LOG files (oldest first; plain or gzip) into OUTDIR.")
final class PlotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "LOG... OUTDIR", hideParamSyntax = true,
            description = "One or more log files, oldest first, then the output directory.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--gnuplot", description = "Run gnuplot on the written .plt to make the SVG.")
    boolean gnuplot;

    @Option(names = "--time", paramLabel = "elapsed|clock", defaultValue = "elapsed",
            converter = TimeAxisConverter.class,
            description = "x axis: elapsed seconds (default) or wall-clock time.")
    TimeAxis time = TimeAxis.ELAPSED;

    @Option(names = "--compare", description = "Write one report, OUTDIR/compare.html, overlaying one process from each LOG "
            + "(each file is one run) with a table comparing them.")
    boolean compare;

    @Option(names = "--pid", paramLabel = "PID", description = "With --compare: the process to take from each log "
            + "(needed when a log has several).")
    Long pid;

    @Option(names = "--align-at", paramLabel = "LABEL", description = "With --compare: align the runs at the first label "
            + "with this text (default: at their start).")
    String alignAt;

    @Option(names = "--format", split = ",", paramLabel = "svg|png|html",
            converter = FormatConverter.class,
            description = "Files procmon renders itself (default: svg,png,html).")
    List<OutputFormat> formats = new ArrayList<>();

    /** Parses {@code elapsed|clock}. */
    static final class TimeAxisConverter implements picocli.CommandLine.ITypeConverter<TimeAxis> {
        @Override
        public TimeAxis convert(String value) {
            return TimeAxis.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** Parses {@code svg|png|html}. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (paths.size() < 2) {
            throw new ParameterException(spec.commandLine(), "Missing required parameters: LOG... OUTDIR");
        }
        List<Path> logs = paths.subList(0, paths.size() - 1);
        Path outDir = paths.get(paths.size() - 1);
        ProgressBar bar = stderrIsTerminal() ? new ProgressBar(err) : null;
        PlotOptions options = PlotOptions.defaults()
                .withTime(time)
                .withGnuplot(gnuplot)
                .withFormats(formats.isEmpty() ? EnumSet.allOf(OutputFormat.class) : EnumSet.copyOf(formats))
                .withProgress(bar == null ? ProgressListener.NONE : bar);
        if (!compare && (pid != null || alignAt != null)) {
            throw new ParameterException(spec.commandLine(), "--pid and --align-at go with --compare");
        }
        try {
            if (compare) {
                Path report = RunComparison.write(logs, pid == null ? OptionalLong.empty() : OptionalLong.of(pid), alignAt,
                        outDir, options.progress());
                if (bar != null) {
                    bar.clear();
                }
                out.println("compared " + logs.size() + " runs: " + report);
                out.flush();
                return 0;
            }
            PlotResult result = LogPlotter.plot(logs, outDir, options);
            if (bar != null) {
                bar.clear();
            }
            printResult(result, out, err);
            out.flush();
            err.flush();
            return 0;
        } catch (PlotInputException | IOException | RuntimeException e) {
            if (bar != null) {
                bar.clear();
            }
            err.println("procmon plot: " + ErrorMessage.of(e));
            err.flush();
            return 1;
        }
    }

    /**
     * Whether stderr, where the bar goes, is a terminal. On Linux /proc tells for fd 2 itself; elsewhere
     * {@code System.console()} (stdin and stdout) is the best Java 17 can say.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Prints one summary line per process, then the files written, then any skipped lines on err. */
    static void printResult(PlotResult result, PrintWriter out, PrintWriter err) {
        for (ProcessSummary s : result.processes()) {
            out.println(s.describe());
        }
        StringBuilder files = new StringBuilder();
        for (ProcessSummary s : result.processes()) {
            for (Path f : s.files()) {
                files.append("  ").append(f);
            }
        }
        out.println(files);
        if (result.malformedLines() > 0) {
            err.println("procmon plot: skipped " + result.malformedLines() + " malformed sample line"
                    + (result.malformedLines() == 1 ? "" : "s") + ", first at " + String.join(", ", result.firstMalformed()));
        }
    }

    /** A one-line bar on stderr, shown only once reading has taken more than a second. */
    private static final class ProgressBar implements ProgressListener {
        private final PrintWriter err;
        private final long start = System.nanoTime();
        private int lastPercent = -1;
        private boolean shown;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(long bytesRead, long totalBytes) {
            if (System.nanoTime() - start < 1_000_000_000L || totalBytes <= 0) {
                return;
            }
            int percent = (int) Math.min(100, bytesRead * 100 / totalBytes);
            if (percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            shown = true;
            int filled = percent * 40 / 100;
            err.print("\rreading [" + "#".repeat(filled) + " ".repeat(40 - filled) + "] " + percent + " %");
            err.flush();
        }

        void clear() {
            if (shown) {
                err.print("\r" + " ".repeat(60) + "\r");
                err.flush();
            }
        }
    }
}
