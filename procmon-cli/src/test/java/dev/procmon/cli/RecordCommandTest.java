package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.plot.PlotResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code procmon record} run in this JVM where no process is started: usage errors, a fake {@code /proc},
 * outputs that fail before the command runs. The recordings of real processes are in {@link RecordCommandIT}.
 */
class RecordCommandTest {

    static final PlotResult NOTHING_PLOTTED = new PlotResult(List.of(), 0, List.of(), List.of());

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int record(RecordCommand command, String... args) {
        return new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private int record(String... args) {
        return record(new RecordCommand(Plotter.defaults()), args);
    }

    private Path log() {
        return dir.resolve("record.log");
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    @Test
    void theStateLetterIsReadAfterTheLastParenthesisOfTheName() throws Exception {
        Path proc = dir.resolve("proc");
        Files.createDirectories(proc.resolve("7"));
        Files.writeString(proc.resolve("7/stat"), "7 (a) Z (b) R 1 7 7 0 -1\n");
        assertThat(WatchedProcess.state(proc, 7)).isEqualTo('R');
        assertThat(WatchedProcess.running(proc, 7)).isTrue();
        Files.writeString(proc.resolve("7/stat"), "7 (x) Z 1 7 7 0 -1\n");
        assertThat(WatchedProcess.running(proc, 7)).isFalse();
        assertThat(WatchedProcess.state(proc, 8)).isEqualTo(WatchedProcess.GONE);
    }

    @Test
    void aProgramThatCannotBeStartedIs127AndOneLine() {
        assertThat(record("--log", log().toString(), "--", "/no/such/program")).isEqualTo(127);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).startsWith("procmon record: cannot run /no/such/program");
    }

    @Test
    void withoutProcItSaysRecordNeedsLinux() {
        assertThat(record(
                        new RecordCommand((log, directory) -> NOTHING_PLOTTED, dir.resolve("proc"), false),
                        "--",
                        "true"))
                .isEqualTo(1);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).startsWith("procmon record: record needs Linux");
    }

    @Test
    void badIntervalsAreUsageErrors() {
        // 0.005 and 0.0099: below the monitor's shortest interval, which it would refuse at start (exit 1).
        for (String bad : List.of(
                "-1", "0", "0.0", "NaN", "Infinity", "abc", "1e400", "0x10", "1d", "1e-12", "", "0.005", "0.0099")) {
            StringWriter e = new StringWriter();
            int code = new CommandLine(new RecordCommand((log, directory) -> NOTHING_PLOTTED))
                    .setOut(new PrintWriter(out))
                    .setErr(new PrintWriter(e))
                    .execute("--interval", bad, "--", "true");
            assertThat(code).as("--interval '%s'", bad).isEqualTo(2);
            assertThat(e.toString()).as("--interval '%s'", bad).contains("--interval");
        }
    }

    @Test
    void pidAndCommandTogetherOrNeitherOrDurationWithACommandAreUsageErrors() {
        assertThat(Stream.of(
                                new String[] {"--pid", "1", "--", "true"},
                                new String[] {"--log", "x"},
                                new String[] {"--duration", "1", "--", "true"},
                                new String[] {"--pid", "0"},
                                new String[] {"--pid", "abc"})
                        .mapToInt(this::record))
                .containsOnly(2);
        assertThat(err.toString())
                .contains("mutually exclusive")
                .contains("--pid PID")
                .contains("--duration");
    }

    @Test
    void aLogThatCannotBeWrittenStopsBeforeTheCommandRuns() {
        Path marker = dir.resolve("ran");
        assertThat(record("--log", dir.resolve("no/such/dir/x.log").toString(), "--", "touch", marker.toString()))
                .isEqualTo(1);
        assertThat(marker).doesNotExist();
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).startsWith("procmon record: cannot write the log");
    }
}
