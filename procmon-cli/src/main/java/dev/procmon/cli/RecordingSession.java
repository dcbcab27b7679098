package dev.procmon.cli;

import dev.procmon.core.LabelSocket;
import dev.procmon.core.MemoryDetail;
import dev.procmon.core.ProcessMonitor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One recording of {@code procmon record}: the monitor, its label socket and its pushes, its output
 * ({@link RecordingOutput}: a file, or stdout with a copy for the plotter, and the plots drawn when it
 * ends) and the budgets checked then. {@link #close()} ends it once, from
 * whichever thread comes first (the main thread when the target exits, the shutdown hook when the
 * JVM is made to exit); a second caller waits for the first, so the JVM never exits mid-plot.
 */
final class RecordingSession implements AutoCloseable {

    private static final String COMMAND = "procmon record";

    private final RecordingOutput output;
    private final Plotter plotter;
    private final PrintWriter err;
    private final RecordCheckOptions check;

    /** Volatile: the label socket's thread hands labels to it without the session's lock. */
    private volatile @Nullable ProcessMonitor monitor;
    /** Where {@code procmon label} reaches this recording (issue 15), or null. */
    private @Nullable LabelSocket labels;

    private @Nullable Pushgateway pushgateway;
    private boolean closed;
    private int status;

    private RecordingSession(RecordingOutput output, Plotter plotter, PrintWriter err, RecordCheckOptions check) {
        this.output = output;
        this.plotter = plotter;
        this.err = err;
        this.check = check;
    }

    /**
     * Checks, before anything is launched, that the log can be written and the plot directory made.
     *
     * @param log the log file, appended to; null for stdout
     * @param plotDirectory where to plot when the recording ends; null for no plots
     * @param check budgets held against the log when the recording ends
     */
    static RecordingSession open(
            @Nullable Path log,
            @Nullable Path plotDirectory,
            Plotter plotter,
            RecordCheckOptions check,
            PrintWriter out,
            PrintWriter err)
            throws RecordFailure {
        RecordingOutput output = RecordingOutput.open(COMMAND, log, plotDirectory, check.enabled(), out, err);
        return new RecordingSession(output, plotter, err, check);
    }

    /**
     * The monitor's options, all but the pid. Made before a command is launched: this loads and
     * initialises the monitor (and SLF4J) first, so the first sample follows the launch closely.
     */
    ProcessMonitor.Builder monitorBuilder(Duration interval, boolean includeChildren, MemoryDetail memory) {
        return output.sink(ProcessMonitor.builder()
                .jvm(false)
                .includeChildren(includeChildren)
                .interval(interval)
                .memory(memory));
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
        ProcessMonitor m = monitor;
        if (m != null) {
            m.close();
        }
        if (pushgateway != null) {
            pushgateway.close(); // the STOP line's totals, pushed once more
        }
        if (labels != null) {
            labels.close();
        }
        output.closeCopy();
        Path written = output.written();
        if (m != null && !output.plot(plotter)) {
            status = RecordFailure.EXIT_ERROR;
        }
        if (check.enabled() && written != null && m != null) {
            // Broken budgets (1) or budgets that could not be checked (2) fail the recording; the
            // caller lets the command's own failing exit code take precedence.
            int verdict = check.apply(written, output.results(), err);
            if (verdict != 0) {
                status = verdict;
            }
        }
        output.deleteCopy();
        if (m != null && !output.allWritten(m)) {
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
            err.println(COMMAND + ": no labels from outside: " + ErrorMessage.of(e));
            return null;
        }
    }

    /** {@code procmon label --pid PID} reaches this recording too (the launched command's pid). */
    synchronized void aliasLabels(long pid) {
        if (labels != null && !closed) {
            try {
                labels.alias(pid);
            } catch (IOException e) {
                err.println(COMMAND + ": no labels by the command's pid: " + ErrorMessage.of(e));
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
