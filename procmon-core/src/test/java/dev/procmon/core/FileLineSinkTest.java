package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/** Issue 11, holes 4 and 8: the file sink on a full disk, and its lines as TotalDepth reads them. */
class FileLineSinkTest {

    /** TotalDepth's own extractor (TotalDepth.common.process), applied to each line of a log. */
    private static final Pattern TOTALDEPTH = Pattern.compile("^.+?ProcessLoggingThread-JSON(-START|-STOP)?\\s*(.+)$");

    @TempDir
    Path dir;

    /** A disk that takes the first half of each write, then fails, while {@link #full} is set. */
    private static final class FillingDisk extends OutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean full;

        @Override
        public void write(int b) {
            written.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (full) {
                written.write(b, off, len / 2);
                throw new IOException("No space left on device");
            }
            written.write(b, off, len);
        }
    }

    @Test
    void afterAPartialWriteTheNextCompleteLineIsIntact() throws IOException {
        FillingDisk disk = new FillingDisk();
        FileLineSink sink = new FileLineSink(disk, new FakeClock(), Level.INFO);
        sink.write(line("before"));
        disk.full = true;
        assertThatThrownBy(() -> sink.write(line("cut one"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> sink.write(line("cut two"))).isInstanceOf(IOException.class);
        disk.full = false;
        sink.write(line("after one"));
        sink.write(line("after two"));
        List<String> lines =
                Arrays.asList(disk.written.toString(StandardCharsets.US_ASCII).split("\n", -1));
        List<String> labels = lines.stream()
                .map(FileLineSinkTest::labelOfIntactLine)
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(labels)
                .as("every line written while the disk had room")
                .containsExactly("before", "after one", "after two");
    }

    @Test
    void totalDepthsRegexReadsEveryLineOfProcmonsOwnFile() throws IOException {
        Path log = dir.resolve("app.log");
        try (ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofMillis(20))
                .file(log)
                .start()) {
            ProcessMonitor.label("a \"quoted\" label");
            sleep(150);
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.US_ASCII);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        for (String line : lines) {
            Matcher match = TOTALDEPTH.matcher(line);
            assertThat(match.matches()).as(line).isTrue();
            assertThat(ParsedLine.parse(LogFormat.MARKER + " " + match.group(2)).values())
                    .containsKeys("timestamp", "pid");
            assertThat(line)
                    .matches(
                            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} - - \\d+ - \\(ProcMon   \\) - INFO     - "
                                    + "ProcessLoggingThread-JSON.*");
        }
        Matcher first = TOTALDEPTH.matcher(lines.get(0));
        Matcher last = TOTALDEPTH.matcher(lines.get(lines.size() - 1));
        assertThat(first.matches() && "-START".equals(first.group(1))).isTrue();
        assertThat(last.matches() && "-STOP".equals(last.group(1))).isTrue();
    }

    /** The label of a complete sample line; null for a cut, glued or empty one. */
    private static String labelOfIntactLine(String line) {
        try {
            return line.contains(LogFormat.MARKER)
                    ? ParsedLine.parse(line).values().get("label")
                    : null;
        } catch (RuntimeException damaged) {
            return null;
        }
    }

    private static String line(String label) {
        ProcessReading s = new ProcessReading();
        s.pid = 7;
        s.rssBytes = 1;
        return new SampleLineWriter(java.time.ZoneOffset.UTC)
                .format(LogFormat.MARKER, s, 0, 0, label, 0)
                .toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
