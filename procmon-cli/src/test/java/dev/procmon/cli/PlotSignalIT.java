package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code procmon plot} of a log that never ends (a FIFO), in a JVM of its own, ended by SIGTERM. */
class PlotSignalIT {

    @TempDir
    Path dir;

    @Test
    void sigtermEndsReadingAnEndlessPipeAndPlotsWhatWasRead() throws Exception {
        Path fifo = dir.resolve("live.log");
        Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo");
        Path out = dir.resolve("out");
        Process procmon = new ProcessBuilder(
                        Jvms.JAVA,
                        "-cp",
                        System.getProperty("java.class.path"),
                        ProcmonCommand.class.getName(),
                        "plot",
                        fifo.toString(),
                        out.toString())
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile())
                .start();
        try (OutputStream w = Files.newOutputStream(fifo)) {
            // More than a pipe holds (64 KiB): when the last write returns, procmon has read most of it.
            for (int i = 1; i <= 2000; i++) {
                w.write(("x ProcessLoggingThread-JSON {\"pid\": 5, \"elapsed_time\": " + i * 0.1
                                + ", \"memory_info\": {\"rss\": " + (1048576L * (i % 50 + 1))
                                + "}, \"cpu_times\": {\"user\": "
                                + i * 0.05 + ", \"system\": 0.0}}\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            w.flush();
            assertThat(procmon.isAlive())
                    .as("still reading: the pipe has not ended")
                    .isTrue();
            procmon.destroy(); // SIGTERM, with the pipe still open
            assertThat(procmon.waitFor(60, TimeUnit.SECONDS))
                    .as("ended promptly")
                    .isTrue();
        } finally {
            procmon.destroyForcibly();
        }

        String stdout = Files.readString(dir.resolve("stdout"));
        String stderr = Files.readString(dir.resolve("stderr"));
        assertThat(procmon.exitValue()).as(stderr).isEqualTo(143);
        assertThat(stdout).startsWith("live.log: pid 5: ");
        assertThat(stderr).contains("live.log: reading stopped by a signal after ");
        assertThat(ImageIO.read(out.resolve("live.log_5.png").toFile())).isNotNull();
        assertThat(Files.readString(out.resolve("live.log_5.svg"))).endsWith("</svg>\n");
    }
}
