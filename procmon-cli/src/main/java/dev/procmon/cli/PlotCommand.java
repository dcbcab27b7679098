package dev.procmon.cli;

import dev.procmon.plot.LogPlotter;
import dev.procmon.plot.OutputFormat;
import dev.procmon.plot.PlotInputException;
import dev.procmon.plot.PlotOptions;
import dev.procmon.plot.PlotResult;
import dev.procmon.plot.ProgressListener;
import dev.procmon.plot.StopSignal;
import dev.procmon.plot.TimeAxis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    /** How long a signal waits for the plot of what was read to be written. */
    static final long SIGNAL_GRACE_SECONDS = 60;

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
            converter = EnumConverter.TimeAxes.class,
            description = "x axis: elapsed seconds (default) or wall-clock time.")
    TimeAxis time = TimeAxis.ELAPSED;

    /** {@code --compare}, {@code --pid}, {@code --align-at}. */
    @Mixin
    CompareOptions compare = new CompareOptions();

    @Option(
            names = "--format",
            split = ",",
            paramLabel = "svg|png|html",
            converter = EnumConverter.OutputFormats.class,
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (paths.size() < 2) {
            throw new ParameterException(spec.commandLine(), "Missing required parameters: LOG... OUTDIR");
        }
        List<Path> logs = paths.subList(0, paths.size() - 1);
        Path outDir = paths.get(paths.size() - 1);
        ProgressBar bar = ProgressBar.onTerminal(err);
        StopSignal stop = new StopSignal();
        PlotOptions options = PlotOptions.defaults()
                .withTime(time)
                .withGnuplot(gnuplot)
                .withFormats(formats.isEmpty() ? EnumSet.allOf(OutputFormat.class) : EnumSet.copyOf(formats))
                .withProgress(bar == null ? ProgressListener.NONE : bar)
                .withMaxProcesses(maxProcesses)
                .withCores(cores)
                .withStop(stop);
        compare.validate(spec.commandLine());
        // SIGINT/SIGTERM: stop reading (a pipe or device may never end) and let the plot of what was
        // read finish before the JVM exits; the exit status stays the signal's (130/143).
        CountDownLatch finished = new CountDownLatch(1);
        ShutdownHook onSignal = ShutdownHook.register("procmon-plot-signal", () -> {
            if (stop.stop()) {
                try {
                    finished.await(SIGNAL_GRACE_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (JfrInput input = JfrInput.of(logs, out)) {
            PlotResult result = LogPlotter.plot(input.logs(), outDir, options);
            if (compare.enabled()) {
                Path report = compare.write(input.logs(), outDir, options.progress());
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
            onSignal.close(); // shutting down already: the hook is running and has just been released
        }
    }
}
