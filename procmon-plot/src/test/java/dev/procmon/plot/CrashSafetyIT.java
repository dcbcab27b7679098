package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM with an open monitor is killed with SIGKILL (no shutdown hook, no STOP line): every line that
 * reached the log parses, a partial last line is reported as malformed, and the log plots.
 */
final class CrashSafetyIT {

    private static final int LINES_BEFORE_KILL = 300;

    @TempDir
    Path dir;

    @Test
    void aLogCutOffBySigkillParsesLineByLineAndPlots() throws Exception {
        Path log = dir.resolve("killed.log");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        MonitoredChildMain.class.getName(),
                        log.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.out").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (newlines(log) < LINES_BEFORE_KILL && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive())
                    .as(Files.readString(dir.resolve("child.out")))
                    .isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        byte[] content = Files.readAllBytes(log);
        boolean partialLast = content.length > 0 && content[content.length - 1] != '\n';

        // Every complete line is a valid sample line; at most the last, partial one is not.
        List<Long> goodLines = new ArrayList<>();
        List<Long> badLines = malformedLines(content, goodLines);
        long complete = newlines(log);
        assertThat(complete).isGreaterThanOrEqualTo(LINES_BEFORE_KILL);
        assertThat(goodLines.size() + badLines.size())
                .as("every complete line is a sample line")
                .isBetween((int) complete, (int) complete + 1);
        if (partialLast) {
            assertThat(badLines).isSubsetOf(List.of(complete + 1));
        } else {
            assertThat(badLines).isEmpty();
        }
        assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain("-STOP");

        PlotResult result = LogPlotter.plot(List.of(log), dir.resolve("out"), PlotOptions.defaults());
        assertThat(result.processes()).hasSize(1);
        assertThat(result.malformedLines()).isEqualTo(badLines.size());
        assertThat(result.processes().get(0).pid()).isEqualTo(child.pid());

        // However the kill fell, a line cut in the middle is the one malformed line, at the end.
        int lastStart = lastLineStart(content, content.length - (partialLast ? 0 : 1));
        Path cut = dir.resolve("cut.log");
        Files.write(cut, Arrays.copyOf(content, lastStart + (content.length - lastStart) / 2));
        PlotResult cutResult = LogPlotter.plot(List.of(cut), dir.resolve("cut-out"), PlotOptions.defaults());
        assertThat(cutResult.malformedLines()).isEqualTo(1);
        assertThat(cutResult.firstMalformed()).containsExactly(cut + ":" + (newlines(cut) + 1));
    }

    private static List<Long> malformedLines(byte[] content, List<Long> good) throws IOException {
        List<Long> bad = new ArrayList<>();
        SampleLineParser parser = new SampleLineParser();
        Sample sample = new Sample();
        new LogScanner().scan(new ByteArrayInputStream(content), new LogScanner.Sink() {
            @Override
            public void sampleLine(MarkedLine line) {
                if (!parser.parse(line.bytes, line.jsonFrom, line.jsonLength(), sample) || !sample.hasPid) {
                    bad.add(line.lineNumber);
                } else {
                    good.add(line.lineNumber);
                }
            }

            @Override
            public void malformedLine(long lineNumber) {
                bad.add(lineNumber);
            }
        });
        return bad;
    }

    private static int lastLineStart(byte[] b, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private static long newlines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        long n = 0;
        for (byte x : Files.readAllBytes(file)) {
            if (x == '\n') {
                n++;
            }
        }
        return n;
    }
}
