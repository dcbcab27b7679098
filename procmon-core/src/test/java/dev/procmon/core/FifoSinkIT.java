package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, hole 6: a named pipe as the file: opening it must never block the application. */
class FifoSinkIT {

    @TempDir
    Path dir;

    private Path fifo() throws IOException, InterruptedException {
        Path fifo = dir.resolve("lines.fifo");
        Process mkfifo =
                new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0)
                .as("mkfifo")
                .isTrue();
        return fifo;
    }

    /** Opens the FIFO for reading (meeting a writer blocked in its open) and reads it to the end. */
    private static CompletableFuture<List<String>> reader(Path fifo) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> lines = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(new FileInputStream(fifo.toFile()), StandardCharsets.US_ASCII))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return lines;
        });
    }

    @Test
    void startReturnsAtOnceOnAFifoWithoutAReaderAndCloseReturnsToo() throws Exception {
        Path fifo = fifo();
        CompletableFuture<ProcessMonitor> starting = CompletableFuture.supplyAsync(() -> ProcessMonitor.builder()
                .interval(Duration.ofMillis(20))
                .stopTimeout(Duration.ofMillis(300))
                .file(fifo)
                .start());
        CompletableFuture<List<String>> late = null;
        try {
            ProcessMonitor m = starting.get(30, TimeUnit.SECONDS);
            m.close();
        } finally {
            // Let the ProcMon thread (or, on old code, the blocked start) out of its open.
            late = reader(fifo);
        }
        List<String> afterClose = late.get(30, TimeUnit.SECONDS);
        assertThat(afterClose.size())
                .as("lines a reader that came after close() saw")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void aFifoWithAReaderGetsEveryLine() throws Exception {
        Path fifo = fifo();
        CompletableFuture<List<String>> read = reader(fifo);
        try (ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(20))
                .file(fifo)
                .start()) {
            Thread.sleep(200);
        }
        List<String> lines = read.get(30, TimeUnit.SECONDS);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(ParsedLine.parse(lines.get(0)).marker()).isEqualTo(LogFormat.MARKER_START);
        assertThat(ParsedLine.parse(lines.get(lines.size() - 1)).marker()).isEqualTo(LogFormat.MARKER_STOP);
    }
}
