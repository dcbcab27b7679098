package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.LogField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class LogReaderPropertiesTest {

    @Property(tries = 60)
    void randomBytesNeverThrowAnythingButPlotInputException(@ForAll @Size(max = 4000) byte[] bytes) throws IOException {
        Path file = Files.createTempFile("random", ".log");
        try {
            Files.write(file, bytes);
            try {
                LogReader.read(List.of(file), ProgressListener.NONE);
            } catch (PlotInputException expected) {
                assertThat(expected.getMessage()).startsWith(file.toString()).doesNotContain("\n");
            }
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 60)
    void anIntactSampleLineAmongGarbageIsExtractedExactly(
            @ForAll @Size(max = 300) byte[] before,
            @ForAll @Size(max = 300) byte[] after,
            @ForAll @LongRange(min = 1, max = 4_000_000) long pid,
            @ForAll @LongRange(min = 0, max = 1L << 45) long rss,
            @ForAll @DoubleRange(min = 0, max = 1e7) double elapsed,
            @ForAll @IntRange(min = 0, max = 3) int prefix)
            throws IOException, PlotInputException {
        String line = "x ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": " + rss + "}, \"elapsed_time\": "
                + elapsed + ", \"pid\": " + pid + "}";
        byte[] garbageBefore = without(before);
        byte[] garbageAfter = without(after);
        Path file = Files.createTempFile("garbage", ".log");
        try (var out = Files.newOutputStream(file)) {
            out.write(new byte[] {'#', ' '}); // never the gzip magic
            out.write(garbageBefore);
            out.write('\n');
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            out.write(prefix % 2 == 0 ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
            out.write(garbageAfter);
        }
        try {
            ParsedLog parsed = LogReader.read(List.of(file), ProgressListener.NONE);
            SampleTable t = parsed.tables().get(0);
            assertThat(t.pid()).isEqualTo(pid);
            assertThat(t.column(LogField.RSS).get(0)).isEqualTo((double) rss);
            assertThat(t.column(LogField.ELAPSED_TIME).get(0)).isEqualTo(elapsed);
        } finally {
            Files.delete(file);
        }
    }

    /** Garbage without newlines or the marker's first letter, so it cannot hold a sample line. */
    private static byte[] without(byte[] b) {
        byte[] r = b.clone();
        for (int i = 0; i < r.length; i++) {
            if (r[i] == '\n' || r[i] == 'P') {
                r[i] = '.';
            }
        }
        return r;
    }
}
