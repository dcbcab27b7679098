package dev.procmon.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.helpers.NOPLoggerFactory;

/** Where the monitor's lines go: SLF4J (the default), a file, or any {@code Consumer<String>}. */
interface LineSink extends AutoCloseable {

    /** Writes one line (without its line separator); the builder is reused after the call. */
    void write(CharSequence line) throws IOException;

    @Override
    default void close() throws IOException {}

    static LineSink slf4j(Logger logger, Level level) {
        return line -> {
            String message = line.toString();
            switch (level) {
                case ERROR -> logger.error(message);
                case WARN -> logger.warn(message);
                case INFO -> logger.info(message);
                case DEBUG -> logger.debug(message);
                case TRACE -> logger.trace(message);
                default -> throw new IllegalStateException("unknown level " + level);
            }
        };
    }

    /**
     * The named SLF4J logger; when no SLF4J provider is bound (SLF4J would discard every line),
     * says so once on stderr and writes the lines to stderr instead, so monitoring is never a
     * silent no-op.
     */
    static LineSink slf4jOrStderr(String loggerName, Level level, MonitorClock clock) {
        if (slf4jBound()) {
            return slf4j(LoggerFactory.getLogger(loggerName), level);
        }
        if (StderrNotice.SAID.compareAndSet(false, true)) {
            System.err.println("procmon: no SLF4J provider is bound, so the process lines go to stderr");
        }
        return new FileLineSink(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        System.err.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        System.err.write(b, off, len);
                        System.err.flush();
                    }
                },
                clock,
                level);
    }

    /** Returns whether an SLF4J provider is bound (else SLF4J discards every line). */
    static boolean slf4jBound() {
        return !(LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory);
    }

    static LineSink consumer(Consumer<String> consumer) {
        return line -> consumer.accept(line.toString());
    }

    static LineSink file(Path path) throws IOException {
        return file(path, MonitorClock.SYSTEM);
    }

    /**
     * Appends to a file. A FIFO is opened by the first write (on the ProcMon thread), not here:
     * opening one blocks until it has a reader, and the caller of {@code start()} must never block.
     */
    static LineSink file(Path path, MonitorClock clock) throws IOException {
        if (isFifo(path)) {
            return new FifoLineSink(path, clock);
        }
        return FileLineSink.append(path, clock);
    }

    private static boolean isFifo(Path path) {
        try {
            if (!Files.exists(path) || Files.isRegularFile(path)) {
                return false;
            }
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return (mode & 0170000) == 0010000;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the no-provider notice was printed (once per JVM). */
    final class StderrNotice {
        static final AtomicBoolean SAID = new AtomicBoolean();

        private StderrNotice() {}
    }
}
