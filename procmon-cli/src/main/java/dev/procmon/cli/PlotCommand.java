package dev.procmon.cli;

import dev.procmon.plot.LogPlotter;
import dev.procmon.plot.OutputFormat;
import dev.procmon.plot.PlotInputException;
import dev.procmon.plot.PlotOptions;
import dev.procmon.plot.PlotResult;
import dev.procmon.plot.ProgressListener;
import dev.procmon.plot.RunComparison;
import dev.procmon.plot.StopSignal;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code procmon plot LOG... OUTDIR}: writes .dat, .plt and images per process found in the logs. */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        description = {
            "Plot the process samples in LOG files (oldest first; plain or gzip) into OUTDIR.",
            "A JDK Flight Recorder file (.jfr) is read as a log too: its CPU load, heap, threads, RSS",
            "(JDK 21+) and GC pauses of 20 ms or more as labels."
        })
final class PlotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "2..*",
            paramLabel = "LOG... OUTDIR",
            hideParamSyntax = true,
            description = "One or more log files, oldest first, then the output directory.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--gnuplot", description = "Run gnuplot on the written .plt to make the SVG.")
    boolean gnuplot;

    @Option(
            names = "--time",
            paramLabel = "elapsed|clock",
            defaultValue = "elapsed",
            converter = TimeAxisConverter.class,
            description = "x axis: elapsed seconds (default) or wall-clock time.")
    TimeAxis time = TimeAxis.ELAPSED;

    @Option(
            names = "--compare",
            description = "Write one report, OUTDIR/compare.html, overlaying one process from each LOG "
                    + "(each file is one run) with a table comparing them.")
    boolean compare;

    @Option(
            names = "--pid",
            paramLabel = "PID",
            description = "With --compare: the process to take from each log " + "(needed when a log has several).")
    @Nullable
    Long pid;

    @Option(
            names = "--align-at",
            paramLabel = "LABEL",
            description =
                    "With --compare: align the runs at the first label " + "with this text (default: at their start).")
    @Nullable
    String alignAt;

    @Option(
            names = "--format",
            split = ",",
            paramLabel = "svg|png|html",
            converter = FormatConverter.class,
            description = "Files procmon renders itself (default: svg,png,html).")
    List<OutputFormat> formats = new ArrayList<>();

    @Option(
            names = "--max-processes",
            paramLabel = "N",
            converter = CountConverter.class,
            description = "Plot at most N process runs (default: ${DEFAULT-VALUE}); the rest are counted.")
    int maxProcesses = PlotOptions.DEFAULT_MAX_PROCESSES;

    @Option(
            names = "--cores",
            paramLabel = "N",
            converter = CountConverter.class,
            description = "CPU count of the machine the log was recorded on, for the CPU rate limit "
                    + "(default: this machine's, or more if the log shows it).")
    int cores;

    /** Parses {@code elapsed|clock}. */
    static final class TimeAxisConverter implements picocli.CommandLine.ITypeConverter<TimeAxis> {
        @Override
        public TimeAxis convert(String value) {
            return oneOf(TimeAxis.class, value);
        }
    }

    /** Parses {@code svg|png|html}. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return oneOf(OutputFormat.class, value);
        }
    }

    /** Parses a whole number from 1 to a million. */
    static final class CountConverter implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 1 && n <= 1_000_000) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("expected a whole number from 1 to 1000000, got '" + value + "'");
        }
    }

    private static <E extends Enum<E>> E oneOf(Class<E> type, String value) {
        StringBuilder accepted = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            String name = e.name().toLowerCase(Locale.ROOT);
            if (name.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return e;
            }
            accepted.append(accepted.length() == 0 ? "" : ", ").append(name);
        }
        throw new TypeConversionException("expected one of " + accepted + ", got '" + value + "'");
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
        StopSignal stop = new StopSignal();
        PlotOptions options = PlotOptions.defaults()
                .withTime(time)
                .withGnuplot(gnuplot)
                .withFormats(formats.isEmpty() ? EnumSet.allOf(OutputFormat.class) : EnumSet.copyOf(formats))
                .withProgress(bar == null ? ProgressListener.NONE : bar)
                .withMaxProcesses(maxProcesses)
                .withCores(cores)
                .withStop(stop);
        if (!compare && (pid != null || alignAt != null)) {
            throw new ParameterException(spec.commandLine(), "--pid and --align-at go with --compare");
        }
        // SIGINT/SIGTERM: stop reading (a pipe or device may never end) and let the plot of what was
        // read finish before the JVM exits; the exit status stays the signal's (130/143).
        CountDownLatch finished = new CountDownLatch(1);
        Thread onSignal = new Thread(
                () -> {
                    if (stop.stop()) {
                        try {
                            finished.await(SIGNAL_GRACE_SECONDS, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                "procmon-plot-signal");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try (JfrInput input = JfrInput.of(logs, out)) {
            PlotResult result = LogPlotter.plot(input.logs(), outDir, options);
            if (compare) {
                Path report = RunComparison.write(
                        input.logs(),
                        pid == null ? OptionalLong.empty() : OptionalLong.of(pid),
                        alignAt,
                        outDir,
                        options.progress());
                if (bar != null) {
                    bar.clear();
                }
                out.println("compared " + logs.size() + " runs: " + report);
                out.flush();
                return 0;
            }
            if (bar != null) {
                bar.clear();
            }
            PlotResultPrinter.print(result, out, err);
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
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException e) {
                // shutting down already: the hook is running and has just been released
            }
        }
    }

    /** How long a signal waits for the plot of what was read to be written. */
    static final long SIGNAL_GRACE_SECONDS = 60;

    /**
     * Tells whether the JVM has a terminal: before JDK 22 {@code System.console()} is null without one; from
     * JDK 22 it is never null and {@code Console.isTerminal()} (not in the Java 17 API) says so.
     */
    // SystemConsoleNull: the null check is the pre-22 answer; isTerminal() below is the 22+ one.
    @SuppressWarnings("SystemConsoleNull")
    private static boolean consoleIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException beforeJdk22) {
            return true;
        }
    }

    /**
     * Whether stderr, where the bar goes, is a terminal. On Linux /proc tells for fd 2 itself; elsewhere
     * {@code System.console()} (stdin and stdout) is the best Java 17 can say.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/2"))
                    .toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return consoleIsTerminal();
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
