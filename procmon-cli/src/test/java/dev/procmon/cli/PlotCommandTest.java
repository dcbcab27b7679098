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
        return new CommandLine(new PlotCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
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
        assertThat(out.toString()).isEqualTo(
                "app.log: pid 86611: 3 samples over 3.0 s, peak RSS 11.4 MB, mean CPU 50.0 %, 2 labels\n"
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
    void reportsAFileWithoutSamplesWithoutAStackTrace() throws Exception {
        Path log = tmp.resolve("empty.log");
        Files.writeString(log, "hello\n");

        int exit = run(log.toString(), tmp.resolve("out").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("procmon plot: " + log + ": no ProcessLoggingThread-JSON sample lines\n");
    }

    @Test
    void rejectsMissingArgumentsAsAUsageError() throws Exception {
        assertThat(run()).isEqualTo(2);
        assertThat(run(appLog().toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Usage:");
    }

    @Test
    void rejectsAnUnknownTimeAxisAsAUsageError() throws Exception {
        assertThat(run("--time=wall", appLog().toString(), tmp.toString())).isEqualTo(2);
    }

    @Test
    void plotsAgainstClockTime() throws Exception {
        Path outDir = tmp.resolve("out");
        assertThat(run("--time=clock", appLog().toString(), outDir.toString())).isZero();
        assertThat(Files.readString(outDir.resolve("app.log_86611.svg"))).contains("Time of day");
    }
}
