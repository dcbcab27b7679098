package dev.procmon.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/** For {@link CloseFromSinkTest}: a sink that calls {@code System.exit(3)} at its third line. */
public final class ExitInSinkMain {

    private static int lines;

    private ExitInSinkMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path log = Path.of(args[0]);
        ProcessMonitor.builder()
                .interval(Duration.ofMillis(20))
                .sink(line -> {
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
                    if (++lines == 3) {
                        System.exit(3);
                    }
                })
                .start();
        Thread.sleep(60_000);
    }
}
