package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProcmonCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int procmon(String... args) {
        CommandLine cl = ProcmonCommand.commandLine(args);
        cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpListsEverySubcommandAndSucceeds() {
        assertThat(procmon("--help")).isZero();
        assertThat(out.toString()).contains("Usage: procmon", "plot", "record", "demo", "generate-completion");
    }

    @Test
    void noSubcommandIsAUsageErrorWithUsageText() {
        assertThat(procmon()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required subcommand", "Usage: procmon");
    }

    @Test
    void plotWithMissingArgumentsExits2WithOneLineAndWhereHelpIs() {
        assertThat(procmon("plot")).isEqualTo(2);
        assertThat(err.toString())
                .contains("LOG... OUTDIR", "requires at least 2 values")
                .endsWith("\nTry 'procmon plot --help'\n")
                .doesNotContain("Usage:");
        assertThat(procmon("plot", "only-one.log")).isEqualTo(2);
    }

    @Test
    void versionComesFromTheBuild() {
        assertThat(procmon("--version")).isZero();
        assertThat(out.toString()).startsWith("procmon ").doesNotContain("${").doesNotContain("unknown");
    }

    @Test
    void bashCompletionIsGenerated() {
        assertThat(procmon("generate-completion")).isZero();
        assertThat(out.toString()).contains("complete -F", "_picocli_procmon", "record", "demo");
    }

    @Test
    void anOutputDirectoryThatIsAFileIsOneLineNamingItAndExitCode1(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("not-a-dir"), "x");
        java.nio.file.Path log = java.nio.file.Files.writeString(
                dir.resolve("app.log"),
                "ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"pid\": 3}\n");
        assertThat(procmon("plot", log.toString(), file.toString())).isEqualTo(1);
        assertThat(procmon("demo", file.toString(), "--count", "1")).isEqualTo(1);
        assertThat(err.toString().lines())
                .containsExactly(
                        "procmon plot: " + file + ": not a directory", "procmon demo: " + file + ": not a directory");
    }

    @Test
    void onlyTheSubcommandNamedIsBuiltAndNoneForALoneVersion() {
        assertThat(ProcmonCommand.commandLine("record", "--pid", "1").getSubcommands())
                .containsOnlyKeys("record");
        assertThat(ProcmonCommand.commandLine("plot").getSubcommands()).containsOnlyKeys("plot");
        assertThat(ProcmonCommand.commandLine("check", "x.log").getSubcommands())
                .containsOnlyKeys("check");
        assertThat(ProcmonCommand.commandLine("label", "x").getSubcommands()).containsOnlyKeys("label");
        assertThat(ProcmonCommand.commandLine("--version").getSubcommands()).isEmpty();
        for (String[] all :
                new String[][] {{}, {"--help"}, {"-V", "record"}, {"frobnicate"}, {"generate-completion"}}) {
            assertThat(ProcmonCommand.commandLine(all).getSubcommands().keySet())
                    .containsExactlyInAnyOrder(
                            "plot", "record", "attach", "label", "demo", "check", "export", "generate-completion");
        }
    }

    @Test
    void anUnknownSubcommandIsAUsageError() {
        assertThat(procmon("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }
}
