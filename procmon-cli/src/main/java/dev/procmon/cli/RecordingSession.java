package dev.procmon.cli;

import dev.procmon.core.LabelSocket;
import dev.procmon.core.MemoryDetail;
import dev.procmon.core.ProcessMonitor;
import dev.procmon.plot.PlotResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One recording of {@code procmon record}: the monitor, where its lines go (a file, or stdout with a
 * copy for the plotter) and the plots drawn when it ends. {@link #close()} ends it once, from
 * whichever thread comes first (the main thread when the target exits, the shutdown hook when the
 * JVM is made to exit); a second caller waits for the first, so the JVM never exits mid-plot.
 */
final class RecordingSession implements AutoCloseable {

    private final @Nullable Path log;
    private final @Nullable Path plotDirectory;
    private final Plotter plotter;
    private final PrintWriter out;
    private final PrintWriter err;
    private final @Nullable TeeSink tee;
    private final RecordCheckOptions check;

    /** Volatile: the label socket's thread hands labels to it without the session's lock. */
    private volatile @Nullable ProcessMonitor monitor;
    /** Where {@code procmon label} reaches this recording (issue 15), or null. */
    private @Nullable LabelSocket labels;

    private @Nullable Pushgateway pushgateway;
    private boolean closed;
    private int status;

    private RecordingSession(
            @Nullable Path log,
            @Nullable Path plotDirectory,
            Plotter plotter,
            PrintWriter out,
            PrintWriter err,
            @Nullable TeeSink tee,
            RecordCheckOptions check) {
        this.check = check;
        this.log = log;
        this.plotDirectory = plotDirectory;
        this.plotter = plotter;
        this.out = out;
        this.err = err;
        this.tee = tee;
    }

    /**
     * Checks, before anything is launched, that the log can be written and the plot directory made.
     *
     * @param log the log file, appended to; null for stdout
     * @param plotDirectory where to plot when the recording ends; null for no plots
     */
    static RecordingSession open(
            @Nullable Path log, @Nullable Path plotDirectory, Plotter plotter, PrintWriter out, PrintWriter err)
            throws RecordFailure {
        return open(log, plotDirectory, plotter, new RecordCheckOptions(), out, err);
    }

    /** As above; {@code check} holds budgets against the log when the recording ends. */
    static RecordingSession open(
            @Nullable Path log,
            @Nullable Path plotDirectory,
            Plotter plotter,
            RecordCheckOptions check,
            PrintWriter out,
            PrintWriter err)
            throws RecordFailure {
        if (log != null) {
            try {
                Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                        .close();
            } catch (IOException e) {
                throw new RecordFailure("cannot write the log " + log + ": " + ErrorMessage.of(e));
            }
        }
        TeeSink tee = null;
        if (plotDirectory != null) {
            try {
                Files.createDirectories(plotDirectory);
            } catch (IOException e) {
                throw new RecordFailure(
                        "cannot create the plot directory " + plotDirectory + ": " + ErrorMessage.of(e));
            }
        }
        if (log == null && (plotDirectory != null || check.enabled())) {
            try {
                tee = TeeSink.create(out);
            } catch (IOException e) {
                throw new RecordFailure("cannot create a temporary copy of the log: " + ErrorMessage.of(e));
            }
        }
        return new RecordingSession(log, plotDirectory, plotter, out, err, tee, check);
    }

    /**
     * The monitor's options, all but the pid. Made before a command is launched: this loads and
     * initialises the monitor (and SLF4J) first, so the first sample follows the launch closely.
     */
    ProcessMonitor.Builder monitorBuilder(Duration interval, boolean includeChildren, MemoryDetail memory) {
        ProcessMonitor.Builder b = ProcessMonitor.builder()
                .jvm(false)
                .includeChildren(includeChildren)
                .interval(interval)
                .memory(memory);
        if (log != null) {
            return b.file(log);
        }
        return tee != null ? b.sink(tee) : b.sink(out::println);
    }

    /**
     * Starts the monitor with the fleet options ({@code --prometheus}, {@code --pushgateway}), unless
     * the recording has already been ended.
     *
     * @throws java.io.UncheckedIOException when the process cannot be read
     */
    synchronized void start(ProcessMonitor.Builder builder, FleetOptions fleet) {
        if (!closed) {
            monitor = fleet.configure(builder).start();
            pushgateway = fleet.startPushing(monitor, err::println).orElse(null);
        }
    }

    /**
     * Ends the recording: writes the STOP line, closes the log, renders and lists the plots.
     * Idempotent; never throws; {@link #status()} tells how it went.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (monitor != null) {
            monitor.close();
        }
        if (pushgateway != null) {
            pushgateway.close(); // the STOP line's totals, pushed once more
        }
        if (labels != null) {
            labels.close();
        }
        if (tee != null) {
            tee.close();
        }
        Path logForPlot = log != null ? log : tee != null ? tee.copy() : null;
        if (plotDirectory != null && logForPlot != null && monitor != null) {
            try {
                PlotResult result = plotter.plot(logForPlot, plotDirectory);
                // With the log on stdout, the summary goes to stderr so that stdout stays a log.
                PlotResultPrinter.print(result, log != null ? out : err, err);
            } catch (Exception e) {
                err.println(
                        "procmon record: cannot plot " + (log != null ? log : "the log") + ": " + ErrorMessage.of(e));
                status = RecordFailure.EXIT_ERROR;
            }
        }
        if (check.enabled() && logForPlot != null && monitor != null) {
            // Broken budgets (1) or budgets that could not be checked (2) fail the recording; the
            // caller lets the command's own failing exit code take precedence.
            int verdict = check.apply(logForPlot, log != null ? out : err, err);
            if (verdict != 0) {
                status = verdict;
            }
        }
        if (tee != null) {
            tee.delete();
        }
        out.flush();
        // The log on stdout: picocli's writer over System.out hides a full disk or closed pipe (the
        // PrintStream under it keeps the error), which lost the whole log without a word and exit 0.
        if (log == null && monitor != null && (out.checkError() || System.out.checkError())) {
            err.println("procmon record: cannot write the log to stdout");
            status = RecordFailure.EXIT_ERROR;
        } else if (log != null && monitor != null && monitor.failedWrites() > 0) {
            long n = monitor.failedWrites();
            err.println("procmon record: " + log + ": " + n + " line" + (n == 1 ? "" : "s") + " could not be written");
            status = RecordFailure.EXIT_ERROR;
        }
        err.flush();
    }

    /**
     * Opens this recording's label socket, named after {@code pid}; labels are an extra, so a socket
     * that cannot be opened is one line on err.
     *
     * @return the socket's path, for {@link LabelSocket#ENVIRONMENT_VARIABLE}; null without one
     */
    synchronized @Nullable String openLabels(long pid) {
        if (closed) {
            return null;
        }
        try {
            labels = LabelSocket.open(pid, text -> {
                ProcessMonitor m = monitor;
                return m != null && m.addLabel(text);
            });
            return labels.path().toString();
        } catch (IOException | RuntimeException e) {
            err.println("procmon record: no labels from outside: " + ErrorMessage.of(e));
            return null;
        }
    }

    /** {@code procmon label --pid PID} reaches this recording too (the launched command's pid). */
    synchronized void aliasLabels(long pid) {
        if (labels != null && !closed) {
            try {
                labels.alias(pid);
            } catch (IOException e) {
                err.println("procmon record: no labels by the command's pid: " + ErrorMessage.of(e));
            }
        }
    }

    /**
     * 0, or {@link RecordFailure#EXIT_ERROR} if the plots could not be rendered, or with {@code --check}
     * 1 if a budget broke and 2 if one could not be checked.
     */
    synchronized int status() {
        return status;
    }
}
