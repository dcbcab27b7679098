package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.LogFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code procmon record --memory pss}: PSS and USS of the recorded command, only when asked for. */
class RecordMemoryOptionIT {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int record(String... args) {
        return new CommandLine(new RecordCommand(Plotter.defaults()))
                .setOut(new PrintWriter(new StringWriter(), true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void pssAndUssAreLoggedWithMemoryPss() {
        Path log = dir.resolve("pss.log");
        assertThat(record("--interval", "0.1", "--memory", "pss", "--log", log.toString(), "--", "sleep", "0.5"))
                .isZero();
        Recording r = Recording.of(log);
        assertThat(r.number(0, LogFormat.PSS)).isPositive();
        assertThat(r.number(0, LogFormat.USS)).isPositive().isLessThanOrEqualTo(r.number(0, LogFormat.PSS));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void withoutTheOptionThereIsNoPss() {
        Path log = dir.resolve("rss.log");
        assertThat(record("--interval", "0.1", "--log", log.toString(), "--", "sleep", "0.3"))
                .isZero();
        assertThat(Recording.of(log).lines()).allSatisfy(l -> assertThat(l).doesNotContain("\"pss\""));
    }

    @Test
    void anUnknownMemoryModeIsOneClearLine() {
        assertThat(record("--memory", "vss", "--", "true")).isEqualTo(2);
        assertThat(err.toString()).contains("--memory").contains("expected rss or pss, not 'vss'");
    }
}
