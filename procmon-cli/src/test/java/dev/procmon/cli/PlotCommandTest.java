package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlotCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new PlotCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    private static Path appLog() throws URISyntaxException {
        return Path.of(PlotCommandTest.class.getResource("/app.log").toURI());
    }

    @Test
    void printsTheSummaryAndTheWrittenFiles() throws Exception {
        Path outDir = tmp.resolve("out");

        int exit = run(appLog().toString(), outDir.toString(), "--format=svg,png");

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        // The summary line, the first rows of the run's table (here between labels: the log has no
        // phases), then the files.
        assertThat(out.toString())
                .isEqualTo("app.log: pid 86611: 3 samples over 3.0 s, peak RSS 11.4 MB, mean CPU 50.0 %, 2 labels\n"
                        + "  From label                   Start (s)  Duration (s)  CPU (s)  Mean CPU (%)  RSS start (MB)"
                        + "  RSS peak (MB)  RSS end (MB)  RSS change (MB)  Heap peak (MB)  GC (s)\n"
                        + "  String of 123,456,789 bytes      2.000         2.000     0.50          25.0            11.4"
                        + "           11.4           9.0             -2.4            50.0   0.006\n"
                        + "  done (to the end)                4.000         0.000     0.00                           9.0"
                        + "            9.0           9.0              0.0            40.0   0.000\n"
                        + "  " + outDir.resolve("app.log_86611.dat") + "  " + outDir.resolve("app.log_86611.plt")
                        + "  " + outDir.resolve("app.log_86611.svg") + "  " + outDir.resolve("app.log_86611.png")
                        + "  " + outDir.resolve("app.log_86611.summary.json") + "\n");
        assertThat(outDir.resolve("app.log_86611.png")).isRegularFile();
    }

    @Test
    void writesTheHtmlReportByDefault() throws Exception {
        Path outDir = tmp.resolve("out");

        assertThat(run(appLog().toString(), outDir.toString())).isZero();

        assertThat(out.toString()).contains(outDir.resolve("app.log_86611.html").toString());
        assertThat(Files.readString(outDir.resolve("app.log_86611.html"))).startsWith("<!DOCTYPE html>");
    }

    @Test
    void comparesRunsInOneReport() throws Exception {
        Path outDir = tmp.resolve("out");
        Path copy = tmp.resolve("again.log");
        Files.copy(appLog(), copy);

        int exit = run("--compare", "--align-at", "done", appLog().toString(), copy.toString(), outDir.toString());

        assertThat(err.toString()).isEmpty();
        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo("compared 2 runs: " + outDir.resolve("compare.html") + "\n");
        assertThat(Files.readString(outDir.resolve("compare.html"))).contains("Runs compared: app.log, again.log");
    }

    @Test
    void rejectsPidAndAlignAtWithoutCompareAsAUsageError() throws Exception {
        assertThat(run("--pid", "1", appLog().toString(), tmp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--pid and --align-at go with --compare");
    }

    @Test
    void reportsAMissingLogAsOneLineOnStderrWithExitOne() {
        Path missing = tmp.resolve("missing.log");

        int exit = run(missing.toString(), tmp.resolve("out").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("procmon plot: " + missing + ": no such file\n");
    }

    @Test
    void aLogNameCannotSendTerminalControlsOrForgeALine() throws Exception {
        // A file name may hold ESC (a terminal's title, a cleared screen) and newlines: the summary shows them escaped.
        Path log = tmp.resolve("run\u001b]0;owned\u0007\u001b[2J\nforged: 0 samples.log");
        Files.copy(appLog(), log);
        Path missing = tmp.resolve("gone\u001b[2J\n.log");

        assertThat(run(log.toString(), tmp.resolve("out").toString(), "--format=svg"))
                .isZero();
        assertThat(run(missing.toString(), tmp.resolve("out2").toString())).isEqualTo(1);

        // The summary line, the three lines of the table between labels, the files: nothing forged.
        assertThat(out.toString())
                .doesNotContain("\u001b")
                .hasLineCount(5)
                .startsWith("run\\u001b]0;owned\\u0007\\u001b[2J\\u000aforged: 0 samples.log: pid 86611:");
        assertThat(err.toString()).doesNotContain("\u001b").hasLineCount(1).contains("gone\\u001b[2J");
    }

    @Test
    void reportsAFileWithoutSamplesWithoutAStackTrace() throws Exception {
        Path log = tmp.resolve("empty.log");
        Files.writeString(log, "hello\n");

        int exit = run(log.toString(), tmp.resolve("out").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("procmon plot: " + log + ": no ProcessLoggingThread-JSON sample lines\n");
    }

    /** The command as the launcher runs it: the root command line with procmon's handlers. */
    private int procmon(String... args) {
        return ProcmonCommand.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void rejectsMissingArgumentsAsAOneLineUsageError() throws Exception {
        assertThat(procmon("plot", appLog().toString())).isEqualTo(2);
        assertThat(err.toString())
                .endsWith("\nTry 'procmon plot --help'\n")
                .doesNotContain("Usage:")
                .startsWith("procmon plot: ")
                .contains("LOG... OUTDIR");
        assertThat(err.toString().lines()).hasSize(2);
    }

    @Test
    void aBadValueIsOneLineNamingTheOptionAndWhatItAccepts() throws Exception {
        String log = appLog().toString();
        String[][] cases = {
            {
                "--time=wall",
                "procmon plot: Invalid value for option '--time': expected one of elapsed, clock, got 'wall'"
            },
            {
                "--format=svg,gif",
                "procmon plot: Invalid value for option '--format' (svg|png|html): expected one of svg, png, html, got 'gif'"
            },
            {
                "--max-processes=abc",
                "procmon plot: Invalid value for option '--max-processes': expected a whole number from 1 to 1000000, got 'abc'"
            },
            {
                "--cores=0",
                "procmon plot: Invalid value for option '--cores': expected a whole number from 1 to 1000000, got '0'"
            },
            {"--bogus", "procmon plot: Unknown option: '--bogus'"},
        };
        for (String[] c : cases) {
            err.getBuffer().setLength(0);
            assertThat(procmon("plot", c[0], log, tmp.toString())).as(c[0]).isEqualTo(2);
            assertThat(err.toString()).as(c[0]).isEqualTo(c[1] + "\nTry 'procmon plot --help'\n");
        }
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void capsTheProcessesPlottedWithANoticeAndAFlagToRaiseIt() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int pid = 1; pid <= 3; pid++) {
            log.append("x ProcessLoggingThread-JSON {\"pid\": ")
                    .append(pid)
                    .append(", \"elapsed_time\": 1.0, \"memory_info\": {\"rss\": 1048576}}\n");
        }
        Path file = Files.writeString(tmp.resolve("three.log"), log);

        assertThat(procmon(
                        "plot",
                        "--max-processes=2",
                        "--format=svg",
                        file.toString(),
                        tmp.resolve("out").toString()))
                .isZero();

        assertThat(out.toString().lines().filter(l -> l.startsWith("three.log: pid")))
                .hasSize(2);
        assertThat(err.toString())
                .isEqualTo("procmon plot: three.log: plotted the first 2 of 3 process runs; the other 1 "
                        + "hold 1 samples (raise the cap with --max-processes)\n");
    }

    @Test
    void plotsAgainstClockTime() throws Exception {
        Path outDir = tmp.resolve("out");
        assertThat(run("--time=clock", appLog().toString(), outDir.toString())).isZero();
        assertThat(Files.readString(outDir.resolve("app.log_86611.svg"))).contains("Time of day");
    }
}
