package dev.procmon.core;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/** Where the monitor's lines go: SLF4J (the default), a file, or any {@code Consumer<String>}. */
interface LineSink extends AutoCloseable {

    /** Writes one line (without its line separator); the builder is reused after the call. */
    void write(CharSequence line) throws IOException;

    @Override
    default void close() throws IOException {
    }

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

    static LineSink consumer(Consumer<String> consumer) {
        return line -> consumer.accept(line.toString());
    }

    static LineSink file(Path path) throws IOException {
        return new FileLineSink(new FileOutputStream(path.toFile(), true));
    }

    /**
     * Appends lines to a stream, encoding the (pure ASCII) line into a reused byte array: no
     * allocation per line, and one {@code write} call per line so a crash loses at most the line
     * being written.
     */
    final class FileLineSink implements LineSink {
        private final OutputStream out;
        private byte[] bytes = new byte[1024];

        FileLineSink(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(CharSequence line) throws IOException {
            int n = line.length();
            if (bytes.length < n + 1) {
                bytes = new byte[Math.max(n + 1, bytes.length * 2)];
            }
            for (int i = 0; i < n; i++) {
                char c = line.charAt(i);
                bytes[i] = c < 0x80 ? (byte) c : (byte) '?';
            }
            bytes[n] = '\n';
            out.write(bytes, 0, n + 1);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
