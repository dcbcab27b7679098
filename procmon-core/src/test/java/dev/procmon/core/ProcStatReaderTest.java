package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcStatReaderTest {

    private static ProcStat parse(String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        ProcStat stat = new ProcStat();
        ProcStatReader.parse(bytes, bytes.length, stat);
        return stat;
    }

    @Test
    void readsTheFieldsOfAPlainLine() throws IOException {
        ProcStat s = parse("2148 (cat) R 2144 2144 1063 0 -1 4194304 97 5 1 7 11 13 17 19 20 0 1 0 941914 3133440 353"
                + " 18446744073709551615 94548364599296 0\n");
        assertThat(s.pid).isEqualTo(2148);
        assertThat(s.ppid).isEqualTo(2144);
        assertThat(s.minflt).isEqualTo(97);
        assertThat(s.cminflt).isEqualTo(5);
        assertThat(s.majflt).isEqualTo(1);
        assertThat(s.cmajflt).isEqualTo(7);
        assertThat(s.utime).isEqualTo(11);
        assertThat(s.stime).isEqualTo(13);
        assertThat(s.cutime).isEqualTo(17);
        assertThat(s.cstime).isEqualTo(19);
        assertThat(s.starttime).isEqualTo(941914);
        assertThat(s.vsize).isEqualTo(3133440);
        assertThat(s.rssPages).isEqualTo(353);
        assertThat(s.state).isEqualTo((byte) 'R');
        assertThat(s.numThreads).isEqualTo(1);
    }

    @Test
    void aNameWithSpacesAndParenthesesIsParsedFromTheLastParenthesis() throws IOException {
        ProcStat s = parse(
                "77 (my (odd) name) 1 2) S 1 77 77 0 -1 4194560 1000 0 20 0 300 40 0 0 20 0 3 0 5000 9999 42 0\n");
        assertThat(s.pid).isEqualTo(77);
        assertThat(s.ppid).isEqualTo(1);
        assertThat(s.minflt).isEqualTo(1000);
        assertThat(s.majflt).isEqualTo(20);
        assertThat(s.utime).isEqualTo(300);
        assertThat(s.stime).isEqualTo(40);
        assertThat(s.vsize).isEqualTo(9999);
        assertThat(s.rssPages).isEqualTo(42);
        assertThat(s.state).isEqualTo((byte) 'S');
        assertThat(s.numThreads).isEqualTo(3);
    }

    @Test
    void aTruncatedLineIsAnIOExceptionNotGarbage() {
        assertThatThrownBy(() -> parse("1 (x) S 0 1 1 0 -1 0 5 0 0"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("fields");
        assertThatThrownBy(() -> parse("no parenthesis at all")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("1 (x) S 1 1 1 0 -1 0 abc 0 0 0 0 0 0 0 20 0 1 0 1 1 1"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void readsThisProcessLiveAndSeesFreshValuesOnEveryRead() throws IOException {
        try (ProcStatReader reader =
                ProcStatReader.forPid(ProcRoot.SYSTEM, ProcessHandle.current().pid())) {
            ProcStat first = new ProcStat();
            reader.read(first);
            assertThat(first.pid).isEqualTo(ProcessHandle.current().pid());
            assertThat(first.rssPages).isPositive();
            long spin = System.nanoTime() + 300_000_000L;
            long sink = 0;
            while (System.nanoTime() < spin) {
                sink += Long.numberOfTrailingZeros(System.nanoTime());
            }
            ProcStat second = new ProcStat();
            reader.read(second);
            assertThat(second.utime + second.stime)
                    .as("cpu after spinning (%d)", sink)
                    .isGreaterThan(first.utime + first.stime);
        }
    }

    @Test
    void rereadsAFileWhetherOrNotItsLineEndsInANewline(@TempDir Path dir) throws IOException {
        String line = "2148 (cat) R 2144 2144 1063 0 -1 4194304 97 5 1 7 11 13 17 19 20 0 1 0 941914 3133440 353";
        for (String content : new String[] {line + "\n", line}) {
            Path file = dir.resolve("stat" + content.length());
            Files.writeString(file, content, StandardCharsets.US_ASCII);
            try (ProcStatReader reader = new ProcStatReader(file)) {
                for (int i = 0; i < 3; i++) {
                    ProcStat s = new ProcStat();
                    reader.read(s);
                    assertThat(s.pid).isEqualTo(2148);
                    assertThat(s.rssPages).isEqualTo(353);
                }
            }
        }
    }
}
