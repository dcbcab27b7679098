package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code procmon check} through picocli on fixture logs. {@code check/phases.log}: pid 500, peak RSS
 * 100 MiB at 9 s, CPU 7.5 s over 10 s, heap peak 14 MiB, GC 0.1 s; phases load (2-5 s, peak 80 MiB,
 * CPU 1.8 s), index inside it (3-4 s), index again (6-8 s, CPU 1.2 s), report (8 s to the end, never
 * closed). {@code baseline.log} is the same run without report; {@code regressed.log} has 30 % more
 * RSS and 5 % more user+system CPU, {@code improved.log} 20 % less RSS and 10 % less CPU.
 */
class CheckCommandTest {

    @TempDir
    Path tmp;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int procmon(String... args) {
        return ProcmonCommand.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    int check(String... args) {
        List<String> all = new ArrayList<>(List.of("check"));
        all.addAll(List.of(args));
        return procmon(all.toArray(String[]::new));
    }

    static String log(String name) {
        try {
            return Path.of(CheckCommandTest.class.getResource("/check/" + name).toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLogNameCannotSendTerminalControls() throws Exception {
        Path named = tmp.resolve("run\u001b]0;owned\u0007\u001b[2J.log");
        java.nio.file.Files.copy(Path.of(log("phases.log")), named);

        assertThat(check(named.toString(), "--max-rss", "1KiB")).isEqualTo(1);
        assertThat(check(named.toString(), "--max-rss", "1GiB", "--baseline", named.toString()))
                .isZero();
        assertThat(procmon("export", named.toString(), "--format", "csv", "--pid", "9"))
                .isEqualTo(1);

        assertThat(out.toString())
                .contains("run\\u001b]0;owned\\u0007\\u001b[2J.log pid 500: peak RSS")
                .doesNotContain("\u001b");
        assertThat(err.toString()).contains("is not in").doesNotContain("\u001b");
    }

    @Test
    void budgetsThatHoldExitZeroEvenAtTheirExactLimit() {
        int exit = check(
                log("phases.log"),
                "--max-rss",
                "100MiB",
                "--max-cpu",
                "7.5",
                "--max-duration",
                "10",
                "--max-heap",
                "14MiB",
                "--max-gc-time",
                "0.1");

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEqualTo("procmon check: all 5 checks hold\n");
    }

    @Test
    void aBrokenBudgetIsOneLineSayingWhatTheBudgetTheMeasureAndWhere() {
        int exit = check(log("phases.log"), "--max-rss", "99MiB", "--max-cpu", "10");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .isEqualTo("FAIL " + log("phases.log") + " pid 500: peak RSS 100.0 MiB exceeds budget"
                        + " 99.0 MiB (--max-rss 99.0 MiB) at 9.0 s (2026-11-24T14:10:19)\n"
                        + "procmon check: 1 of 2 checks broken\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void runWideFiguresSayOverWhatTheyWereMeasured() {
        assertThat(check(log("phases.log"), "--max-cpu", "7", "--max-gc-time", "0.05", "--max-heap", "10MiB"))
                .isEqualTo(1);
        assertThat(out.toString().lines().filter(l -> l.startsWith("FAIL")))
                .containsExactly(
                        "FAIL " + log("phases.log")
                                + " pid 500: heap peak 14.0 MiB exceeds budget 10.0 MiB (--max-heap 10.0 MiB) at 10.0 s",
                        "FAIL " + log("phases.log")
                                + " pid 500: CPU time 7.50 s exceeds budget 7.00 s (--max-cpu 7.00 s) over the run to 10.0 s",
                        "FAIL " + log("phases.log")
                                + " pid 500: GC time 0.10 s exceeds budget 0.05 s (--max-gc-time 0.05 s) over the run to 10.0 s");
    }

    @Test
    void phaseBudgetsHoldOnEverySpanOfTheNameAndTheWorstIsReported() {
        int exit = check(
                log("phases.log"),
                "--phase",
                "load:max-rss=50MiB,max-duration=5",
                "--phase",
                "index:max-cpu=1",
                "--phase",
                "report:max-duration=1",
                "--phase",
                "load:max-rss-change=61MiB");

        assertThat(exit).isEqualTo(1);
        String p = log("phases.log") + " pid 500: ";
        assertThat(out.toString())
                .isEqualTo("FAIL " + p
                        + "peak RSS 80.0 MiB exceeds budget 50.0 MiB (--phase load:max-rss=50MiB,max-duration=5)"
                        + " in phase \"load\" from 2.0 s to 5.0 s\n"
                        + "FAIL " + p
                        + "CPU time 1.20 s exceeds budget 1.00 s (--phase index:max-cpu=1) in phase \"index\""
                        + " from 6.0 s to 8.0 s\n"
                        + "FAIL " + p
                        + "duration 2.00 s exceeds budget 1.00 s (--phase report:max-duration=1) in phase \"report\""
                        + " from 8.0 s to 10.0 s (the run's end)\n"
                        + "procmon check: 3 of 5 checks broken\n");
    }

    @Test
    void inARunWithoutPhasesAPhaseBudgetIsTheIntervalFromItsLabel() {
        assertThat(check(log("labels.log"), "--phase", "c:max-rss=90MiB", "--phase", "b:max-rss=90MiB"))
                .isEqualTo(1);
        assertThat(out.toString())
                .contains(
                        "FAIL " + log("labels.log") + " pid 600: peak RSS 100.0 MiB exceeds budget"
                                + " 90.0 MiB (--phase c:max-rss=90MiB) in label interval \"c\" from 5.0 s to 10.0 s (the run's end)\n");
        assertThat(out.toString()).endsWith("1 of 2 checks broken\n");
    }

    @Test
    void aBudgetOnAValueTheLogDoesNotHaveIsAnErrorNotAPass() {
        int exit =
                check(log("labels.log"), "--max-heap", "1GiB", "--phase", "nosuch:max-rss=1GiB", "--max-rss", "1GiB");

        assertThat(exit).isEqualTo(2);
        String p = "procmon check: " + log("labels.log") + " pid 600: cannot check ";
        assertThat(err.toString())
                .isEqualTo(p
                        + "--max-heap 1024.0 MiB: the log has no jvm.heap_used (written only when the monitor samples its own JVM)\n"
                        + p + "--phase nosuch:max-rss=1GiB: the log has no phase or label \"nosuch\"\n");
        assertThat(out.toString()).isEqualTo("procmon check: 2 of 3 checks could not be made\n");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--max-rss=12MB",
                "--max-rss=lots",
                "--max-rss=-1MiB",
                "--max-cpu=ten",
                "--max-cpu=-5",
                "--phase=indexing",
                "--phase=x:max-foo=1",
                "--phase=x:max-rss",
                "--phase=:max-rss=1MiB",
                "--phase=x:max-rss=1MB",
                "--tolerance=10%",
                "--baseline-pid=4",
                "--pid=x"
            })
    void usageErrorsExitTwoAndNameTheOption(String option) {
        int exit = check(log("phases.log"), "--max-duration=100", option);

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines().findFirst().orElseThrow())
                .containsAnyOf(option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
    }

    @Test
    void nothingToCheckIsAUsageError() {
        assertThat(check(log("phases.log"))).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("procmon check: nothing to check: give a budget")
                .contains("Try 'procmon check --help'");
    }

    @Test
    void anUnreadableLogOrAnUnknownPidCannotBeChecked() {
        Path missing = tmp.resolve("missing.log");
        assertThat(check(missing.toString(), "--max-rss", "1GiB")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("procmon check: " + missing + ": no such file\n");

        err.getBuffer().setLength(0);
        assertThat(check(log("multi-pid.log"), "--pid", "999", "--max-rss", "1GiB"))
                .isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("procmon check: pid 999 is not in " + log("multi-pid.log") + " (pid 101, pid 202)\n");
    }

    @Test
    void malformedLinesAreSaidButTheIntactOnesAreChecked() throws Exception {
        Path log = tmp.resolve("cut.log");
        List<String> lines = Files.readAllLines(Path.of(log("phases.log")));
        String last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, last.substring(0, last.length() / 2)); // cut as by SIGKILL
        Files.write(log, lines);

        assertThat(check(log.toString(), "--max-duration", "9")).isZero();
        assertThat(err.toString()).isEqualTo("procmon check: " + log + ": skipped 1 malformed sample line\n");
    }

    @Test
    void everyRunIsCheckedUnlessPidChoosesOne() {
        assertThat(check(log("multi-pid.log"), "--max-duration", "1000")).isZero();
        assertThat(out.toString()).isEqualTo("procmon check: all 2 checks hold\n");
        out.getBuffer().setLength(0);
        assertThat(check(log("multi-pid.log"), "--pid", "202", "--max-duration", "1000"))
                .isZero();
        assertThat(out.toString()).isEqualTo("procmon check: the check holds\n");
    }

    @Test
    void aRegressedRunFailsAgainstItsBaselineAndTheTableIsPrinted() {
        int exit = check(log("regressed.log"), "--baseline", log("baseline.log"), "--tolerance", "10%");

        assertThat(exit).isEqualTo(1);
        String text = out.toString();
        assertThat(text)
                .startsWith("baseline " + log("baseline.log") + " pid 400 vs " + log("regressed.log")
                        + " pid 401 (tolerance 10 %):\n");
        assertThat(text).containsPattern("\\n  peak RSS +100\\.0 MiB +130\\.0 MiB +\\+30\\.0 % +WORSE\\n");
        assertThat(text).containsPattern("\\n  CPU time +7\\.50 s +7\\.80 s +\\+4\\.0 % +ok\\n");
        assertThat(text).containsPattern("\\n  duration +10\\.00 s +10\\.00 s +\\+0\\.0 % +ok\\n");
        assertThat(text)
                .containsPattern("\\n  phase \"load\" peak RSS +80\\.0 MiB +104\\.0 MiB +\\+30\\.0 % +WORSE\\n");
        // index occurs twice in both runs: compared first with first, second with second.
        assertThat(text).contains("phase \"index #1\" peak RSS", "phase \"index #2\" CPU time");
        assertThat(text)
                .contains("FAIL " + log("regressed.log") + " pid 401: peak RSS 130.0 MiB is worse than the"
                        + " baseline's 100.0 MiB (+30.0 %; tolerance 10 %)\n");
        assertThat(text).endsWith("procmon check: 4 of 12 checks broken\n");
    }

    @Test
    void anImprovedRunPassesAndStillPrintsTheTable() {
        assertThat(check(log("improved.log"), "--baseline", log("baseline.log"), "--tolerance", "5"))
                .isZero();
        assertThat(out.toString()).containsPattern("\\n  peak RSS +100\\.0 MiB +80\\.0 MiB +-20\\.0 % +ok\\n");
        assertThat(out.toString()).containsPattern("\\n  CPU time +7\\.50 s +6\\.90 s +-8\\.0 % +ok\\n");
        assertThat(out.toString()).endsWith("procmon check: all 12 checks hold\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aLargeEnoughToleranceLetsARegressionPass() {
        assertThat(check(log("regressed.log"), "--baseline", log("baseline.log"), "--tolerance", "30.5%"))
                .isZero();
    }

    @Test
    void theBaselineNeedsOneRunOnEachSide() {
        assertThat(check(log("multi-pid.log"), "--baseline", log("baseline.log")))
                .isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo(
                        "procmon check: " + log("multi-pid.log")
                                + " has 2 process runs (pid 101, pid 202); choose one with --pid to compare with the baseline\n");
    }

    @Test
    void jsonHasTheVerdictEveryCheckAndTheRunSummaries() throws Exception {
        int exit = check(log("regressed.log"), "--baseline", log("baseline.log"), "--max-rss", "200MiB", "--json");

        assertThat(exit).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertThat(j.get("format").asText()).isEqualTo("procmon-check");
        assertThat(j.get("version").asInt()).isEqualTo(1);
        assertThat(j.get("verdict").asText()).isEqualTo("fail");
        assertThat(j.get("exit_code").asInt()).isEqualTo(1);
        JsonNode first = j.get("checks").get(0);
        assertThat(first.get("status").asText()).isEqualTo("pass");
        assertThat(first.get("unit").asText()).isEqualTo("bytes");
        assertThat(first.get("budget").asLong()).isEqualTo(200L << 20);
        assertThat(first.get("measured").asLong()).isEqualTo(130L << 20);
        assertThat(j.get("runs").get(0).get("pid").asLong()).isEqualTo(401);
        assertThat(j.get("runs").get(0).get("phases")).hasSize(3);
        JsonNode row = j.get("baseline").get("rows").get(0);
        assertThat(row.get("figure").asText()).isEqualTo("peak RSS");
        assertThat(row.get("change_pct").asDouble()).isEqualTo(30.0);
        assertThat(row.get("status").asText()).isEqualTo("fail");
        assertThat(j.get("checks")).hasSize(13);
    }

    @Test
    void labelsFromTheLogCannotWriteControlCharactersToTheTerminal() throws Exception {
        Path hostile = tmp.resolve("hostile.log");
        String line = Files.readAllLines(Path.of(log("labels.log")))
                .get(1)
                .replace("\"label\": \"a\"", "\"label\": \"x\\u001b[2J\\ny\"");
        Files.writeString(hostile, line + "\n");

        assertThat(check(hostile.toString(), "--phase", "x\u001b[2J\ny:max-duration=0"))
                .isZero();
        assertThat(out.toString()).doesNotContain("\u001b");
        assertThat(check(hostile.toString(), "--phase", "x\u001b[2J\ny:max-rss=1MiB"))
                .isEqualTo(1);
        assertThat(out.toString())
                .contains("in label interval \"x\\u001b[2J\\u000ay\"")
                .doesNotContain("\u001b");
        assertThat(out.toString().lines().filter(l -> l.startsWith("FAIL"))).hasSize(1);
    }
}
