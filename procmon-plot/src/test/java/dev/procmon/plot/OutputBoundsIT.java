package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 "bounded outputs" where a process is started (here mkfifo); the rest is {@link OutputBoundsTest}. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OutputBoundsIT {

    private static final PlotOptions SVG = PlotOptions.defaults().withFormats(Set.of(OutputFormat.SVG));

    @TempDir
    Path dir;

    @Test
    void aPipeThatNeverEndsIsReadUntilStoppedThenPlotted() throws Exception {
        Path fifo = dir.resolve("live.log");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mk.waitFor() == 0, "no mkfifo");
        StopSignal stop = new StopSignal();
        Thread writer = new Thread(() -> {
            try (OutputStream w = Files.newOutputStream(fifo)) {
                for (int i = 1; ; i++) {
                    w.write((LogLines.sample(5, i, 1 << 20, 0.01 * i, null) + "\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    w.flush();
                    if (i > 50) {
                        Thread.sleep(10);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the reader stopped: the pipe broke
            }
        });
        writer.setDaemon(true);
        writer.start();

        // The "signal" comes once 50 lines have been read; the pipe itself never ends.
        long fiftyLines = 50L * (LogLines.sample(5, 10, 1 << 20, 0.1, null).length() + 1);
        PlotResult r = LogPlotter.plot(
                List.of(fifo), dir.resolve("out"), SVG.withStop(stop).withProgress((done, total) -> {
                    if (done >= fiftyLines) {
                        stop.stop();
                    }
                }));

        assertThat(r.processes().get(0).samples()).isGreaterThanOrEqualTo(50);
        assertThat(r.notices()).singleElement().asString().contains("reading stopped by a signal");
        assertThat(dir.resolve("out").resolve("live.log_5.svg")).isNotEmptyFile();
        writer.interrupt();
    }
}
