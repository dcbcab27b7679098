package dev.procmon.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * For {@link HostileShutdownTest}: sinks that call {@code System.exit(3)} and would do so again, or
 * hold their lock while they do: {@code every} exits at every line from the third on (a sink that
 * exits whenever its disk is full); {@code locked} is a synchronized sink that exits at its third
 * line, so the exiting ProcMon thread keeps the sink's lock for good.
 */
public final class ExitAgainInSinkMain {

    private ExitAgainInSinkMain() {}

    private static final class Sink implements Consumer<String> {
        private final Path log;
        private final boolean every;
        private int lines;

        Sink(Path log, boolean every) {
            this.log = log;
            this.every = every;
        }

        @Override
        public void accept(String line) {
            if (every) {
                write(line);
            } else {
                synchronized (this) {
                    write(line);
                }
            }
        }

        private void write(String line) {
            try {
                Files.writeString(
                        log,
                        line + "\n",
                        StandardCharsets.US_ASCII,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lines++;
            if (every ? lines >= 3 : lines == 3) {
                System.exit(3);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessMonitor.builder()
                .interval(Duration.ofMillis(20))
                .stopTimeout(Duration.ofSeconds(2))
                .sink(new Sink(Path.of(args[0]), args[1].equals("every")))
                .start();
        Thread.sleep(60_000);
    }
}
