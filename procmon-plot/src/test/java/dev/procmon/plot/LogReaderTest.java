package dev.procmon.plot;

import static dev.procmon.plot.Fixtures.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.procmon.core.LogField;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderTest {

    @TempDir
    Path tmp;

    private static ParsedLog read(Path... files) throws PlotInputException {
        return LogReader.read(List.of(files), ProgressListener.NONE);
    }

    @Test
    void readsTotalDepthMacosLinesWithStartStopMarkersAndForeignLines() throws Exception {
        ParsedLog parsed = read(log("totaldepth-macos.log"));

        assertThat(parsed.malformedLines()).isZero();
        assertThat(parsed.tables()).hasSize(1);
        SampleTable t = parsed.tables().get(0);
        assertThat(t.pid()).isEqualTo(86611);
        assertThat(t.size()).as("the repeated line only carries a second label").isEqualTo(5);
        assertThat(t.column(LogField.RSS).get(0)).isEqualTo(11898880);
        assertThat(t.column(LogField.PFAULTS).get(4)).isEqualTo(531770);
        assertThat(t.column(LogField.USER).get(4)).isEqualTo(0.583945792);
        assertThat(t.column(LogField.ELAPSED_TIME).get(4)).isEqualTo(12.42771601676941);
        assertThat(TimestampText.format(t.timestamp.get(4))).isEqualTo("2019-10-31T14:10:06.051630");
        assertThat(t.labels())
                .extracting(SampleTable.Label::index, SampleTable.Label::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "String of 389,021,696 bytes"),
                        org.assertj.core.groups.Tuple.tuple(3, "String of 180,355,072 bytes"),
                        org.assertj.core.groups.Tuple.tuple(3, "Writing HTML"));
        assertThat(t.column(LogField.HEAP_USED).allNaN()).isTrue();
    }

    @Test
    void takesThePidOfATotalDepth2019LineWithoutPidFromTheDefaultLayoutBeforeTheMarker() throws Exception {
        ParsedLog parsed = read(log("totaldepth-2019-no-pid.log"));

        assertThat(parsed.malformedLines()).isZero();
        assertThat(parsed.tables()).extracting(SampleTable::pid).containsExactly(86611L);
        SampleTable t = parsed.tables().get(0);
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.column(LogField.RSS).get(1)).isEqualTo(162922496);
        assertThat(t.column(LogField.ELAPSED_TIME).get(3)).isEqualTo(12.42771601676941);
    }

    @Test
    void aLineWithoutPidInAnUnknownLayoutIsMalformed() throws Exception {
        Path file = tmp.resolve("other-layout.log");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "[main] 86611 INFO ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0}",
                        "2019-10-31 14:09:53,726 - - 12x - (ProcMon) - INFO - ProcessLoggingThread-JSON "
                                + "{\"memory_info\": {\"rss\": 2}, \"elapsed_time\": 2.0}",
                        "x - - 99999999999 - ( ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 3}, \"elapsed_time\": 3.0}",
                        "y ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 4}, \"elapsed_time\": 4.0, \"pid\": 7}",
                        ""));

        ParsedLog parsed = read(file);

        // No layout pid, a non-numeric one, one out of range: three malformed lines, one sample.
        assertThat(parsed.malformedLines()).isEqualTo(3);
        assertThat(parsed.firstMalformed()).containsExactly(file + ":1", file + ":2", file + ":3");
        assertThat(parsed.tables())
                .extracting(SampleTable::pid, SampleTable::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7L, 1));
    }

    @Test
    void readsALogFromANamedPipe() throws Exception {
        Path fifo = tmp.resolve("pipe.log");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(
                        fifo,
                        "ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 5}, \"elapsed_time\": 1.0, \"pid\": 8}\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        ParsedLog parsed = read(fifo);
        writer.join();
        assertThat(parsed.tables()).extracting(SampleTable::pid).containsExactly(8L);
    }

    @Test
    void keepsALineWithAnExplicitButInvalidPidMalformedWhateverTheLayout() throws Exception {
        Path file = tmp.resolve("bad-pid.log");
        String prefix = "2019-10-31 14:09:53,726 - - 86611 - (ProcMon   ) - INFO     - ProcessLoggingThread-JSON ";
        String body = "{\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"pid\": ";
        Files.writeString(
                file,
                String.join(
                        "\n",
                        prefix + body + "-1}",
                        prefix + body + "1.5}",
                        prefix + body + "\"86611\"}",
                        prefix + body + "null}",
                        prefix + body + "99999999999999999999999}",
                        prefix + body + "7}",
                        ""));

        ParsedLog parsed = read(file);

        assertThat(parsed.malformedLines()).isEqualTo(5);
        assertThat(parsed.tables()).extracting(SampleTable::pid).containsExactly(7L);
    }

    @Test
    void readsTotalDepthLinuxLinesWithoutPageFaults() throws Exception {
        SampleTable t = read(log("totaldepth-linux.log")).tables().get(0);

        assertThat(t.size()).isEqualTo(3);
        assertThat(t.column(LogField.PFAULTS).allNaN()).isTrue();
        assertThat(t.column(LogField.RSS).get(1)).isEqualTo(104857600);
        assertThat(t.column(LogField.SYSTEM).get(2)).isEqualTo(0.25);
        assertThat(t.labelCount()).isEqualTo(1);
    }

    @Test
    void readsGzipWithCrlfLineEndsByContentNotName() throws Exception {
        Path renamed = tmp.resolve("plain-looking.log");
        Files.copy(log("linux-crlf.log.gz"), renamed);

        SampleTable t = read(renamed).tables().get(0);

        assertThat(t.size()).isEqualTo(3);
        assertThat(t.labels().get(0).text()).isEqualTo("Reading index");
    }

    @Test
    void readsProcmonJvmObjectAndOptionalCounters() throws Exception {
        SampleTable t = read(log("procmon-jvm.log")).tables().get(0);

        assertThat(t.column(LogField.HEAP_USED).get(1)).isEqualTo(52428800);
        assertThat(t.labels())
                .extracting(SampleTable.Label::text)
                .containsExactly("String of 123,456,789 bytes", "done");
    }

    @Test
    void splitsProcessesByPidKeepingEachLabelWithItsOwnProcess() throws Exception {
        ParsedLog parsed = read(log("multi-pid.log"));

        assertThat(parsed.tables()).extracting(SampleTable::pid).containsExactly(101L, 202L);
        assertThat(parsed.tables().get(0).labels())
                .extracting(SampleTable.Label::text)
                .containsExactly("first of 101");
        assertThat(parsed.tables().get(1).labels())
                .extracting(SampleTable.Label::text)
                .containsExactly("only on 202");
        assertThat(parsed.tables().get(1).column(LogField.RSS).get(1)).isEqualTo(4194304);
    }

    @Test
    void startsASecondRunWhenOnePidsElapsedTimeGoesBackwards() throws Exception {
        ParsedLog parsed = read(log("reused-pid.log"));

        assertThat(parsed.tables())
                .extracting(SampleTable::pid, SampleTable::run, SampleTable::size)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(77L, 1, 2), org.assertj.core.groups.Tuple.tuple(77L, 2, 2));
        assertThat(parsed.tables().get(1).labels().get(0).text()).isEqualTo("run two");
    }

    @Test
    void skipsAndCountsMalformedAndTruncatedLinesReportingTheFirstFive() throws Exception {
        Path file = log("malformed.log");
        ParsedLog parsed = read(file);

        SampleTable t = parsed.tables().get(0);
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.column(LogField.ELAPSED_TIME).get(1)).isEqualTo(3.0);
        assertThat(parsed.malformedLines()).isEqualTo(8);
        assertThat(parsed.firstMalformed())
                .containsExactly(file + ":3", file + ":4", file + ":5", file + ":6", file + ":7");
    }

    @Test
    void readsRotatedFilesInTheOrderGiven() throws Exception {
        Path older = tmp.resolve("app.log.1");
        Path newer = tmp.resolve("app.log");
        Files.writeString(
                older,
                "p ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"pid\": 3}\n");
        Files.writeString(
                newer,
                "p ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 2}, \"elapsed_time\": 2.0, \"pid\": 3}\n");

        SampleTable t = read(older, newer).tables().get(0);

        assertThat(t.size()).isEqualTo(2);
        assertThat(t.column(LogField.RSS).get(1)).isEqualTo(2);
    }

    @Test
    void reportsProgressUpToTheTotalSize() throws Exception {
        Path file = log("totaldepth-macos.log");
        List<long[]> calls = new ArrayList<>();

        LogReader.read(List.of(file), (done, total) -> calls.add(new long[] {done, total}));

        assertThat(calls).isNotEmpty();
        long[] last = calls.get(calls.size() - 1);
        assertThat(last[0]).isEqualTo(Files.size(file)).isEqualTo(last[1]);
    }

    @Test
    void rejectsAMissingFileNamingIt() {
        Path missing = tmp.resolve("nope.log");
        assertThatThrownBy(() -> read(missing))
                .isInstanceOf(PlotInputException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void rejectsADirectory() {
        assertThatThrownBy(() -> read(tmp))
                .isInstanceOf(PlotInputException.class)
                .hasMessage(tmp + ": is a directory, not a log file");
    }

    @Test
    void rejectsAFileWithoutSampleLines() throws IOException {
        Path file = tmp.resolve("plain.log");
        Files.writeString(file, "nothing to see\nhere\n");
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(PlotInputException.class)
                .hasMessage(file + ": no ProcessLoggingThread-JSON sample lines");
    }

    @Test
    void rejectsAFileWhoseSampleLinesAreAllMalformedNamingTheFirstLine() throws IOException {
        Path file = tmp.resolve("bad.log");
        Files.writeString(file, "x\nx ProcessLoggingThread-JSON {\"pid\": 1\n");
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(PlotInputException.class)
                .hasMessage(file + ": no valid sample lines (1 malformed, first at " + file + ":2)");
    }

    @Test
    void rejectsTruncatedGzip() throws IOException {
        byte[] gz = Files.readAllBytes(log("linux-crlf.log.gz"));
        Path file = tmp.resolve("cut.gz");
        Files.write(file, java.util.Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(PlotInputException.class)
                .hasMessage(file + ": corrupt or truncated gzip data");
    }

    @Test
    void survivesATenMegabyteLineNulBytesAndInvalidUtf8() throws IOException, PlotInputException {
        Path file = tmp.resolve("hostile.log");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("x ProcessLoggingThread-JSON {\"label\": \"".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[10 << 20]);
            out.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, (byte) 0xff, (byte) 0xc3, '\n'});
            out.write("y ProcessLoggingThread-JSON {\"label\": \"\u00ff".getBytes(StandardCharsets.ISO_8859_1));
            out.write("\", \"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"pid\": 9}\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.write("z ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 5}, \"elapsed_time\": 2.0, \"pid\": 9}\n"
                    .getBytes(StandardCharsets.US_ASCII));
        }

        ParsedLog parsed = read(file);

        assertThat(parsed.malformedLines()).isEqualTo(2);
        assertThat(parsed.firstMalformed()).containsExactly(file + ":1", file + ":3");
        assertThat(parsed.tables().get(0).column(LogField.RSS).get(0)).isEqualTo(5);
    }

    @Test
    void countsAnOverlongLineAsMalformedWhereverItsMarkerIs() throws IOException, PlotInputException {
        Path file = tmp.resolve("overlong.log");
        byte[] marker = "ProcessLoggingThread-JSON {\"pid\": 1}".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int before : new int[] {6 << 20, LogScanner.MAX_LINE - 10, LogScanner.MAX_LINE + 3}) {
                byte[] garbage = new byte[before];
                java.util.Arrays.fill(garbage, (byte) 'g');
                out.write(garbage); // the marker after the first MAX_LINE bytes, or across a chunk boundary
                out.write(marker);
                out.write('\n');
            }
            out.write("z ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 5}, \"elapsed_time\": 2.0, \"pid\": 9}\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] last = new byte[5 << 20];
            java.util.Arrays.fill(last, (byte) 'g');
            out.write(last);
            out.write(marker); // an overlong last line without a line end
        }

        ParsedLog parsed = read(file);

        assertThat(parsed.firstMalformed()).containsExactly(file + ":1", file + ":2", file + ":3", file + ":5");
        assertThat(parsed.tables().get(0).column(LogField.RSS).get(0)).isEqualTo(5);
    }

    @Test
    void readsConcatenatedGzipMembers() throws Exception {
        Path file = tmp.resolve("two-members.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 1; i <= 2; i++) {
                GZIPOutputStream gz = new GZIPOutputStream(out);
                gz.write(("p ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": " + i + "}, \"elapsed_time\": " + i
                                + ", \"pid\": 3}\n")
                        .getBytes(StandardCharsets.US_ASCII));
                gz.finish();
            }
        }
        assertThat(read(file).tables().get(0).size()).isEqualTo(2);
    }

    @Test
    void parsesTimestampsToMicroseconds() {
        char[] c = "2026-11-24 14:10:06.0516".toCharArray();
        assertThat(TimestampText.format(TimestampText.parseMicros(c, 0, c.length)))
                .isEqualTo("2026-11-24T14:10:06.051600");
        char[] bad = "2026-13-24 14:10:06".toCharArray();
        assertThat(TimestampText.parseMicros(bad, 0, bad.length)).isEqualTo(Sample.NO_TIMESTAMP);
        assertThat(1.0).isCloseTo(1.0, within(0.0));
    }
}
