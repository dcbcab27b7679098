package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.LogField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A plain log read in parts side by side ({@link FileSplit}) gives exactly the tables, labels and
 * malformed-line accounting that one reader gives: pids interleaved, pids reused (elapsed_time going
 * back), labels repeating the previous sample's elapsed_time across a part boundary, malformed lines,
 * TotalDepth's pid-less layout, CRLF and a last line without a newline.
 */
class FileSplitTest {

    @Property(tries = 80)
    void anyLogReadInPartsEqualsTheLogReadWhole(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 6) int parts,
            @ForAll @IntRange(min = 1, max = 400) int lines)
            throws IOException, PlotInputException {
        Path file = Files.createTempFile("split", ".log");
        try {
            Files.write(file, randomLog(new Random(seed), lines).getBytes(StandardCharsets.UTF_8));
            ParsedLog whole = read(file, 1);
            ParsedLog split = read(file, parts);
            assertSame(split, whole);
        } catch (PlotInputException noSamples) {
            // a log of malformed lines only: both ways must say so alike
            assertThat(noSamples.getMessage()).contains(file.toString());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aLabelLineRepeatingTheLastElapsedTimeJustAfterTheBoundaryJoinsTheSampleBeforeIt() throws Exception {
        Path file = Files.createTempFile("split", ".log");
        try {
            StringBuilder log = new StringBuilder();
            for (int i = 1; i <= 50; i++) {
                log.append(LogLines.sample(7, i, 1000 + i, i / 10.0, null)).append('\n');
            }
            // the same sample again with a label, as several labels queued between two samples are logged
            log.append(LogLines.sample(7, 50, 1050, 5.0, "late label")).append('\n');
            for (int i = 51; i <= 100; i++) {
                log.append(LogLines.sample(7, i, 1000 + i, i / 10.0, null)).append('\n');
            }
            Files.writeString(file, log);
            // Every boundary position: parts chosen so that one falls right before the label line.
            for (int parts = 2; parts <= 8; parts++) {
                ParsedLog split = read(file, parts);
                assertThat(split.tables()).hasSize(1);
                SampleTable t = split.tables().get(0);
                assertThat(t.size()).isEqualTo(100);
                assertThat(t.labels()).extracting(SampleTable.Label::index).containsExactly(49);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theBoundariesAreLineStartsAndCoverTheFile() throws Exception {
        Path file = Files.createTempFile("split", ".log");
        try {
            Files.writeString(file, "a\nbb\n\nccc\ndddd");
            long size = Files.size(file);
            for (int parts = 1; parts <= 6; parts++) {
                long[] from = FileSplit.boundaries(file, size, parts);
                assertThat(from[0]).isZero();
                assertThat(from[parts]).isEqualTo(size);
                byte[] bytes = Files.readAllBytes(file);
                for (int k = 1; k < parts; k++) {
                    assertThat(from[k]).isGreaterThanOrEqualTo(from[k - 1]);
                    assertThat(from[k] == size || bytes[(int) from[k] - 1] == '\n')
                            .as("part %d of %d starts a line", k, parts)
                            .isTrue();
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aStopDuringAReadInPartsKeepsTheCompletePartsBeforeTheFirstStoppedOne() throws Exception {
        Path file = Files.createTempFile("split", ".log");
        try {
            StringBuilder log = new StringBuilder();
            for (int i = 1; i <= 120_000; i++) {
                log.append(LogLines.sample(7, i, 1000 + i, i / 10.0, i % 1000 == 0 ? "step " + i : null))
                        .append('\n');
            }
            Files.writeString(file, log);
            long size = Files.size(file);
            // A stop signal interrupts the reading thread: here at its first progress report, while
            // the parts are being read (or, on a fast machine, just after they were).
            List<FileSplit.Part> parts;
            try {
                parts = FileSplit.read(
                        file, size, 4, n -> Thread.currentThread().interrupt());
            } finally {
                assertThat(Thread.interrupted())
                        .as("the interrupt is kept for the caller")
                        .isTrue();
            }
            assertThat(parts).isNotEmpty().hasSizeLessThanOrEqualTo(4);
            for (int k = 0; k < parts.size() - 1; k++) {
                assertThat(parts.get(k).complete()).isTrue();
            }
            assertThat(parts.size() == 4 || !parts.get(parts.size() - 1).complete())
                    .as("parts end at the first that did not complete")
                    .isTrue();
            // What was kept is the start of the log, row for row.
            RunTables joined = new RunTables();
            long offset = 0;
            for (FileSplit.Part part : parts) {
                joined.append(part.tables(), offset);
                offset += part.lines();
            }
            SampleTable whole = read(file, 1).tables().get(0);
            if (!joined.tables().isEmpty()) {
                SampleTable kept = joined.tables().get(0);
                assertThat(kept.size()).isLessThanOrEqualTo(whole.size());
                for (int r = 0; r < kept.size(); r++) {
                    assertThat(kept.get(LogField.ELAPSED_TIME, r)).isEqualTo(whole.get(LogField.ELAPSED_TIME, r));
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aLogThatGrewAfterItsSizeWasTakenIsReadToItsEndAsOneReaderReadsIt() throws Exception {
        // A log still being written by `procmon record`: its size was taken in the middle of a line,
        // and the line was finished (and more written) before the read. One reader reads to the end;
        // the last part must too, not cut that line into a "malformed" one and drop the rest.
        Path file = Files.createTempFile("split", ".log");
        try {
            StringBuilder log = new StringBuilder();
            for (int i = 1; i <= 200; i++) {
                log.append(LogLines.sample(7, i, 1000 + i, i / 10.0, null)).append('\n');
            }
            Files.writeString(file, log);
            long sizeWhenTaken = Files.size(file) - 37;
            for (int parts = 1; parts <= 4; parts++) {
                RunTables runs = new RunTables();
                runs.file("grown.log");
                int p = parts;
                new FileRead("grown.log", runs, new ArrayList<>(), n -> {}, size -> p).read(file, sizeWhenTaken);
                assertThat(runs.malformed().count())
                        .as("malformed lines in %d parts", parts)
                        .isZero();
                assertThat(runs.tables()).hasSize(1);
                assertThat(runs.tables().get(0).size())
                        .as("rows in %d parts", parts)
                        .isEqualTo(200);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aLineLongerThanTheScannerTakesIsSkippedAlikeWhereverTheBoundariesFall() throws Exception {
        // A line past LogScanner.MAX_LINE with the marker in it: malformed, at its absolute line
        // number, whether a boundary falls inside it (and moves on past it) or not.
        Path file = Files.createTempFile("split", ".log");
        try {
            StringBuilder head = new StringBuilder();
            for (int i = 1; i <= 99; i++) {
                head.append(LogLines.sample(7, i, 1000 + i, i / 10.0, null)).append('\n');
            }
            byte[] longLine = new byte[LogScanner.MAX_LINE + 1000];
            java.util.Arrays.fill(longLine, (byte) 'x');
            byte[] marker = (dev.procmon.core.LogFormat.MARKER + " {").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(marker, 0, longLine, LogScanner.MAX_LINE / 2, marker.length);
            StringBuilder tail = new StringBuilder("\n");
            for (int i = 100; i <= 200; i++) {
                tail.append(LogLines.sample(7, i, 1000 + i, i / 10.0, i % 9 == 0 ? "step " + i : null))
                        .append('\n');
            }
            tail.append("x ProcessLoggingThread-JSON no object\n");
            tail.append(LogLines.sample(8, 1, 1, 0.1, null));
            try (java.io.OutputStream out = Files.newOutputStream(file)) {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(longLine);
                out.write(tail.toString().getBytes(StandardCharsets.UTF_8));
            }
            ParsedLog whole = read(file, 1);
            assertThat(whole.malformedLines()).isEqualTo(2);
            for (int parts = 2; parts <= 8; parts++) {
                assertSame(read(file, parts), whole);
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aRotatedSetWithARunGoingOnAcrossFilesAndPartsReadsAsOneReaderReadsIt() throws Exception {
        Path dir = Files.createTempDirectory("split");
        Path older = dir.resolve("r.log.1");
        Path live = dir.resolve("r.log");
        try {
            StringBuilder a = new StringBuilder();
            for (int i = 1; i < 100; i++) {
                a.append(LogLines.sample(7, i, 1000 + i, i / 10.0, null)).append('\n');
            }
            a.append("x ProcessLoggingThread-JSON no object\n");
            StringBuilder b = new StringBuilder("x ProcessLoggingThread-JSON no object\r\n");
            for (int i = 100; i < 300; i++) {
                b.append(LogLines.sample(7, i, 1000 + i, i / 10.0, i % 50 == 0 ? "step " + i : null))
                        .append(i % 3 == 0 ? "\r\n" : "\n");
            }
            for (int i = 1; i < 10; i++) { // pid 7 reused
                b.append(LogLines.sample(7, i, 1, 0.1, null)).append('\n');
            }
            b.append("x ProcessLoggingThread-JSON {\"elapsed_time\": oops}\n");
            Files.writeString(older, a);
            Files.writeString(live, b);
            ParsedLog whole = LogReader.read(List.of(live, older), ProgressListener.NONE, null, size -> 1);
            assertThat(whole.tables()).hasSize(2);
            for (int parts = 2; parts <= 8; parts++) {
                int p = parts;
                assertSame(LogReader.read(List.of(live, older), ProgressListener.NONE, null, size -> p), whole);
            }
        } finally {
            Files.deleteIfExists(older);
            Files.deleteIfExists(live);
            Files.delete(dir);
        }
    }

    @Test
    void aGzipLogIsNeverSplitWhateverItsSize() throws Exception {
        Path file = Files.createTempFile("split", ".log.gz");
        try {
            StringBuilder log = new StringBuilder();
            for (int i = 1; i <= 2000; i++) {
                log.append(LogLines.sample(7, i, 1000 + i, i / 10.0, i % 100 == 0 ? "step " + i : null))
                        .append('\n');
            }
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(log.toString().getBytes(StandardCharsets.UTF_8));
            }
            // Parts asked for: byte offsets into compressed data would cut it anywhere.
            ParsedLog split = read(file, 4);
            assertThat(split.notices()).isEmpty();
            assertThat(split.tables()).hasSize(1);
            assertThat(split.tables().get(0).size()).isEqualTo(2000);
            assertThat(split.tables().get(0).labels()).hasSize(20);
        } finally {
            Files.delete(file);
        }
    }

    private static ParsedLog read(Path file, int parts) throws PlotInputException {
        return LogReader.read(List.of(file), ProgressListener.NONE, null, size -> parts);
    }

    private static void assertSame(ParsedLog split, ParsedLog whole) {
        assertThat(split.malformedLines()).isEqualTo(whole.malformedLines());
        assertThat(split.firstMalformed()).isEqualTo(whole.firstMalformed());
        assertThat(split.notices()).isEqualTo(whole.notices());
        assertThat(split.tables()).hasSameSizeAs(whole.tables());
        for (int i = 0; i < whole.tables().size(); i++) {
            SampleTable a = split.tables().get(i);
            SampleTable b = whole.tables().get(i);
            assertThat(a.pid()).isEqualTo(b.pid());
            assertThat(a.run()).isEqualTo(b.run());
            assertThat(a.size()).isEqualTo(b.size());
            assertThat(a.labels()).isEqualTo(b.labels());
            for (LogField f : LogField.values()) {
                if (!f.isNumber()) {
                    continue;
                }
                assertThat(a.has(f)).as("%s has %s", a.pid(), f.path()).isEqualTo(b.has(f));
                for (int r = 0; r < b.size(); r++) {
                    assertThat(Double.valueOf(a.get(f, r)))
                            .as("%s row %d", f.path(), r)
                            .isEqualTo(Double.valueOf(b.get(f, r)));
                }
            }
            for (int r = 0; r < b.size(); r++) {
                assertThat(a.timestamp.get(r)).isEqualTo(b.timestamp.get(r));
            }
        }
    }

    /** Lines of every kind the reader treats differently, in random order. */
    static String randomLog(Random r, int lines) {
        StringBuilder log = new StringBuilder();
        double[] elapsed = new double[4];
        for (int i = 0; i < lines; i++) {
            int pid = 1 + r.nextInt(3);
            int kind = r.nextInt(20);
            String eol = r.nextInt(10) == 0 ? "\r\n" : "\n";
            if (kind == 0) {
                log.append("plain application text ").append(i).append(eol);
            } else if (kind == 1) {
                log.append("x ProcessLoggingThread-JSON {\"elapsed_time\": oops}")
                        .append(eol);
            } else if (kind == 2) {
                log.append("x ProcessLoggingThread-JSON no object").append(eol);
            } else if (kind == 3) {
                elapsed[pid] = r.nextInt(3); // the pid is reused: a new run, unless time went on
                log.append(LogLines.sample(pid, elapsed[pid], 100 + i, i, null)).append(eol);
            } else if (kind == 4) {
                // a second label for the previous sample of this pid
                log.append(LogLines.sample(pid, elapsed[pid], 100 + i, i, "again " + i))
                        .append(eol);
            } else if (kind == 5) {
                elapsed[pid] += 0.5;
                log.append("2019-10-01 10:00:00,000 - - ")
                        .append(pid)
                        .append(" - (ProcMon) - INFO - ProcessLoggingThread-JSON {\"elapsed_time\": ")
                        .append(elapsed[pid])
                        .append(", \"memory_info\": {\"rss\": 5}, \"cpu_times\": {\"user\": 0.1}}")
                        .append(eol);
            } else {
                elapsed[pid] += 1;
                String label = r.nextInt(5) == 0 ? "step " + i : null;
                String stamp = r.nextBoolean() ? "2026-11-24 00:00:0" + (i % 10) + ".000000" : null;
                log.append(LogLines.sample(pid, elapsed[pid], 100 + i, i / 3.0, label, stamp))
                        .append(eol);
            }
        }
        if (r.nextBoolean() && log.length() > 0) {
            log.setLength(log.length() - 1); // no newline after the last line
        }
        return log.toString();
    }

    @Test
    void aRandomLogHasEveryKindOfLine() {
        String log = randomLog(new Random(1), 400);
        List<String> kinds =
                new ArrayList<>(List.of("plain application text", "oops", "no object", "again", " - (ProcMon) - "));
        assertThat(kinds).allMatch(log::contains);
    }
}
