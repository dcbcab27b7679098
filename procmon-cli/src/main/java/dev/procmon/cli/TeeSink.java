package dev.procmon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The log lines of {@code record --plot} without {@code --log}: printed on stdout, and copied to a
 * temporary file for the plotter, which the recording deletes when it has plotted.
 */
final class TeeSink implements Consumer<String>, AutoCloseable {

    private final PrintWriter out;
    private final Path copy;
    private @Nullable Writer writer;

    private TeeSink(PrintWriter out, Path copy, Writer writer) {
        this.out = out;
        this.copy = copy;
        this.writer = writer;
    }

    /** Creates the temporary copy. */
    static TeeSink create(PrintWriter out) throws IOException {
        Path copy = Files.createTempFile("procmon-record-", ".log");
        try {
            return new TeeSink(out, copy, Files.newBufferedWriter(copy, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    /** The file the lines are copied to. */
    Path copy() {
        return copy;
    }

    /**
     * Prints the line and copies it.
     *
     * @throws UncheckedIOException when the copy cannot be written (the monitor reports it once)
     */
    @Override
    public synchronized void accept(String line) {
        out.println(line);
        if (writer == null) {
            return;
        }
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the copy; later lines are printed only. Idempotent. */
    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                // The plotter will report a truncated copy.
            }
            writer = null;
        }
    }

    /** Closes and deletes the copy. */
    void delete() {
        close();
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            // A leftover temporary file is not worth failing the recording.
        }
    }
}
