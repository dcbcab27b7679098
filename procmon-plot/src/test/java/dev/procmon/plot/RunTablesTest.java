package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The room {@link RunTables} makes its tables reserve from the bytes still to come. */
class RunTablesTest {

    @Test
    void samplesFollowedByALongTailOfOtherTextDoNotMakeATableReserveManyTimesItsRows() throws Exception {
        // A program's log in which procmon's samples stop early while the program goes on logging:
        // when the table grows, the bytes to come look like samples, and are not.
        StringBuilder samples = new StringBuilder();
        int rows = 4097;
        for (int i = 1; i <= rows; i++) {
            samples.append(LogLines.sample(7, i, 1000 + i, i / 10.0, null)).append('\n');
        }
        byte[] head = samples.toString().getBytes(StandardCharsets.UTF_8);
        byte[] junk = "the program's own log line, not a sample, on and on and on\n".getBytes(StandardCharsets.UTF_8);
        long tail = 64L << 20;
        RunTables runs = new RunTables();
        runs.expectBytes(head.length + tail);
        new LogScanner().scan(new SequenceInputStream(new ByteArrayInputStream(head), repeated(junk, tail)), runs);
        assertThat(runs.tables()).hasSize(1);
        SampleTable t = runs.tables().get(0);
        assertThat(t.size()).isEqualTo(rows);
        // Growing by half again, as without an estimate, would leave it with at most twice; the
        // estimate may take a bigger step, but not one of 64 times (262,144 rows here).
        assertThat(t.room()).as("rows reserved for %d rows", rows).isLessThanOrEqualTo(4 * rows);
    }

    /** {@code line} repeated to {@code total} bytes, without holding them. */
    private static InputStream repeated(byte[] line, long total) {
        return new InputStream() {
            private long left = total;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = line[(int) ((total - left + i) % line.length)];
                }
                left -= n;
                return n;
            }
        };
    }
}
