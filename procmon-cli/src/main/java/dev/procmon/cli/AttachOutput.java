package dev.procmon.cli;

import dev.procmon.core.ProcessMonitor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code procmon attach} writes: the log file, or stdout with a temporary copy when the plots
 * are wanted; and the plots once the recording ends. Both outputs are checked before attaching.
 */
final class AttachOutput {

    private final @Nullable Path log;
    private final PrintWriter out;
    private final @Nullable Path logForPlot;
    private @Nullable Writer copy;

    private AttachOutput(@Nullable Path log, PrintWriter out, @Nullable Path logForPlot, @Nullable Writer copy) {
        this.log = log;
        this.out = out;
        this.logForPlot = logForPlot;
        this.copy = copy;
    }

    static AttachOutput open(@Nullable Path log, @Nullable Path plotDirectory, PrintWriter out) throws IOException {
        if (log != null) {
            Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                    .close();
        }
        if (plotDirectory == null) {
            return new AttachOutput(log, out, null, null);
        }
        Files.createDirectories(plotDirectory);
        if (log != null) {
            return new AttachOutput(log, out, log, null);
        }
        Path temp = Files.createTempFile("procmon-attach-", ".log");
        return new AttachOutput(null, out, temp, Files.newBufferedWriter(temp, StandardCharsets.US_ASCII));
    }

    ProcessMonitor.Builder sink(ProcessMonitor.Builder b) {
        if (log != null) {
            return b.file(log);
        }
        Writer c = copy;
        return b.sink(
                c == null
                        ? out::println
                        : line -> {
                            out.println(line);
                            try {
                                c.write(line);
                                c.write('\n');
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
    }

    /** Whether the last line of {@code log} is a STOP line (an agent in the target has closed). */
    static boolean endsWithStop(@Nullable Path log) {
        if (log == null) {
            return false;
        }
        try (java.nio.channels.SeekableByteChannel c = Files.newByteChannel(log)) {
            long size = c.size();
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate((int) Math.min(size, 64 * 1024));
            c.position(size - tail.capacity());
            while (tail.hasRemaining() && c.read(tail) > 0) {
                // Read the tail whole.
            }
            String text = new String(tail.array(), 0, tail.position(), StandardCharsets.US_ASCII).stripTrailing();
            int last = text.lastIndexOf('\n');
            return text.substring(last + 1).contains(dev.procmon.core.LogFormat.MARKER_STOP);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Closes the copy and renders the plots (none when {@code plotter} is null: nothing was
     * recorded); false (after one line on err) if they cannot be.
     */
    boolean finish(@Nullable Plotter plotter, @Nullable Path plotDirectory, PrintWriter err) {
        boolean ok = true;
        if (copy != null) {
            try {
                copy.close();
            } catch (IOException e) {
                // The plotter reports a truncated copy.
            }
            copy = null;
        }
        if (logForPlot != null) {
            try {
                if (plotter != null && plotDirectory != null) { // a log to plot comes with a directory (open)
                    // As record does: with the log on stdout, the summary goes to stderr.
                    PlotResultPrinter.print(plotter.plot(logForPlot, plotDirectory), log != null ? out : err, err);
                }
            } catch (Exception e) {
                err.println(
                        "procmon attach: cannot plot " + (log != null ? log : "the log") + ": " + ErrorMessage.of(e));
                ok = false;
            } finally {
                if (log == null) {
                    try {
                        Files.deleteIfExists(logForPlot);
                    } catch (IOException e) {
                        // A leftover temporary file is not worth failing the recording.
                    }
                }
            }
        }
        return ok;
    }
}
