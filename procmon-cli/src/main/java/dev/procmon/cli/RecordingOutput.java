package dev.procmon.cli;

import dev.procmon.core.ProcessMonitor;
import dev.procmon.plot.PlotResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * Where a recording of {@code procmon record} or {@code procmon attach} goes: the log file
 * ({@code --log}), or stdout with a temporary copy ({@link TeeSink}) when the log is wanted again at
 * the end (plots, budgets); and the plots drawn from it when the recording ends. Both outputs are
 * checked before anything is recorded.
 */
final class RecordingOutput {

    private final String command;
    private final @Nullable Path log;
    private final @Nullable Path plotDirectory;
    private final PrintWriter out;
    private final PrintWriter err;
    private final @Nullable TeeSink tee;

    private RecordingOutput(
            String command,
            @Nullable Path log,
            @Nullable Path plotDirectory,
            PrintWriter out,
            PrintWriter err,
            @Nullable TeeSink tee) {
        this.command = command;
        this.log = log;
        this.plotDirectory = plotDirectory;
        this.out = out;
        this.err = err;
        this.tee = tee;
    }

    /**
     * Checks that the log can be appended to and the plot directory made, and makes the copy of a log
     * on stdout that is read again at the end.
     *
     * @param command the command, e.g. {@code procmon record}, that starts its lines on err
     * @param log the log file, appended to; null for stdout
     * @param plotDirectory where to plot when the recording ends; null for no plots
     * @param readAgain whether the log is read again at the end for something other than plots
     */
    static RecordingOutput open(
            String command,
            @Nullable Path log,
            @Nullable Path plotDirectory,
            boolean readAgain,
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
        if (plotDirectory != null) {
            try {
                Files.createDirectories(plotDirectory);
            } catch (IOException e) {
                throw new RecordFailure(
                        "cannot create the plot directory " + plotDirectory + ": " + ErrorMessage.of(e));
            }
        }
        TeeSink tee = null;
        if (log == null && (plotDirectory != null || readAgain)) {
            try {
                tee = TeeSink.create(out);
            } catch (IOException e) {
                throw new RecordFailure("cannot create a temporary copy of the log: " + ErrorMessage.of(e));
            }
        }
        return new RecordingOutput(command, log, plotDirectory, out, err, tee);
    }

    /** Sends the monitor's lines here: to the log file, else to stdout (and the copy). */
    ProcessMonitor.Builder sink(ProcessMonitor.Builder builder) {
        if (log != null) {
            return builder.file(log);
        }
        return tee != null ? builder.sink(tee) : builder.sink(out::println);
    }

    /** Where the whole log can be read again once the copy is closed: the log file, the copy, or null. */
    @Nullable
    Path written() {
        return log != null ? log : tee != null ? tee.copy() : null;
    }

    /**
     * Where results of the recording (plot summaries, budget verdicts) go: stdout, unless the log is
     * on stdout; then stderr, so that stdout stays a log.
     */
    PrintWriter results() {
        return log != null ? out : err;
    }

    /** Closes the copy: lines after this are printed only. Idempotent. */
    void closeCopy() {
        if (tee != null) {
            tee.close();
        }
    }

    /**
     * Renders and lists the plots, if {@code --plot} was given (after {@link #closeCopy()}).
     *
     * @return false, after one line on err, if they could not be rendered
     */
    boolean plot(Plotter plotter) {
        Path written = written();
        if (plotDirectory == null || written == null) {
            return true;
        }
        try {
            PlotResult result = plotter.plot(written, plotDirectory);
            PlotResultPrinter.print(result, results(), err);
            return true;
        } catch (Exception e) {
            err.println(command + ": cannot plot " + (log != null ? log : "the log") + ": " + ErrorMessage.of(e));
            return false;
        }
    }

    /**
     * Whether every line the monitor wrote arrived (after one line on err if not): the log on stdout
     * is checked on the writer and on {@code System.out}, as picocli's writer over {@code System.out}
     * hides a full disk or closed pipe (the PrintStream under it keeps the error), which once lost a
     * whole log without a word and exit 0; a log file by the monitor's count of failed writes.
     */
    boolean allWritten(ProcessMonitor monitor) {
        out.flush();
        if (log == null && (out.checkError() || System.out.checkError())) {
            err.println(command + ": cannot write the log to stdout");
            return false;
        }
        long n = monitor.failedWrites();
        if (log != null && n > 0) {
            err.println(command + ": " + log + ": " + n + " line" + (n == 1 ? "" : "s") + " could not be written");
            return false;
        }
        return true;
    }

    /** Closes and deletes the copy. */
    void deleteCopy() {
        if (tee != null) {
            tee.delete();
        }
    }
}
