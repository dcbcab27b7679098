package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code procmon record --check}: budgets held against a real recording when it ends. RSS of a
 * {@code sleep} is a few MiB, so 1 KiB is always broken and 1 TiB always holds.
 */
class RecordCheckIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int record(String... args) {
        return new CommandLine(new RecordCommand(Plotter.defaults()))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private String log() {
        return dir.resolve("record.log").toString();
    }

    @Test
    void budgetsThatHoldLeaveTheExitCodeZero() {
        assertThat(record(
                        "--interval",
                        "0.1",
                        "--log",
                        log(),
                        "--check",
                        "--max-rss",
                        "1TiB",
                        "--max-duration",
                        "600",
                        "--",
                        "sleep",
                        "0.3"))
                .isZero();
        assertThat(out.toString()).endsWith("procmon record: all 2 checks hold\n");
    }

    @Test
    void aBrokenBudgetFailsTheRecordingWithOneLine() {
        assertThat(record("--interval", "0.1", "--log", log(), "--check", "--max-rss", "1KiB", "--", "sleep", "0.3"))
                .isEqualTo(1);
        assertThat(out.toString())
                .containsPattern("(?m)^FAIL " + java.util.regex.Pattern.quote(log())
                        + " pid \\d+: peak RSS \\d+\\.\\d MiB exceeds budget 1\\.0 KiB \\(--max-rss 1\\.0 KiB\\) at ");
    }

    @Test
    void theCommandsOwnFailingExitCodeTakesPrecedence() {
        assertThat(record(
                        "--interval",
                        "0.1",
                        "--log",
                        log(),
                        "--check",
                        "--max-rss",
                        "1KiB",
                        "--",
                        "sh",
                        "-c",
                        "sleep 0.3; exit 3"))
                .isEqualTo(3);
        assertThat(out.toString()).contains("FAIL ");
    }

    @Test
    void onlyTheRecordingJustMadeIsCheckedInALogAppendedTo() throws Exception {
        // An earlier recording in the same log broke the budget; this one does not.
        Files.copy(Path.of(CheckCommandTest.log("phases.log")), dir.resolve("record.log"));
        assertThat(record("--interval", "0.1", "--log", log(), "--check", "--max-rss", "50MiB", "--", "sleep", "0.3"))
                .isZero();
        assertThat(out.toString()).endsWith("procmon record: the check holds\n");
    }

    @Test
    void withTheLogOnStdoutTheVerdictGoesToStderrAndAJunitReportIsWritten() throws Exception {
        Path junit = dir.resolve("check.xml");
        assertThat(record(
                        "--interval",
                        "0.1",
                        "--check",
                        "--max-rss",
                        "1KiB",
                        "--junit",
                        junit.toString(),
                        "--",
                        "sleep",
                        "0.3"))
                .isEqualTo(1);
        assertThat(out.toString().lines()).allMatch(l -> l.contains("ProcessLoggingThread-JSON"));
        assertThat(err.toString()).contains("FAIL ").contains("procmon record: 1 of 1 check broken");
        assertThat(Files.readString(junit)).contains("<failure ");
    }

    @Test
    void aBudgetOnWhatARecordingOfAnotherProcessLacksIsAnError() {
        // record samples another process: there is no jvm object, so no heap.
        assertThat(record("--interval", "0.1", "--log", log(), "--check", "--max-heap", "1GiB", "--", "sleep", "0.2"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("cannot check --max-heap 1024.0 MiB: the log has no jvm.heap_used");
    }

    @Test
    void budgetsWithoutCheckAndCheckWithoutBudgetsAreUsageErrors() {
        assertThat(record("--log", log(), "--max-rss", "1GiB", "--", "true")).isEqualTo(2);
        assertThat(err.toString()).contains("apply with --check");
        assertThat(record("--log", log(), "--check", "--", "true")).isEqualTo(2);
        assertThat(err.toString()).contains("--check needs at least one budget");
        assertThat(Files.exists(dir.resolve("record.log")))
                .as("nothing was run")
                .isFalse();
    }
}
