package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code procmon export} through picocli; the round trips themselves are LogExportTest's (procmon-plot). */
class ExportCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int procmon(String... args) {
        return ProcmonCommand.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }

    @Test
    void csvToStdoutOneRowPerSample() {
        assertThat(procmon("export", CheckCommandTest.log("phases.log"), "--format", "csv"))
                .isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).startsWith("pid,run,timestamp (local time),elapsed_time (s),memory_info.rss (bytes),");
        assertThat(lines.get(1)).startsWith("500,1,2026-11-24T14:10:11.000000,1,10485760,");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void jsonlToAFileForOnePid() throws Exception {
        Path file = tmp.resolve("out.jsonl");
        assertThat(procmon(
                        "export",
                        CheckCommandTest.log("multi-pid.log"),
                        "--format",
                        "JSONL",
                        "--pid",
                        "202",
                        "--output",
                        file.toString()))
                .isZero();
        assertThat(out.toString()).isEmpty();
        List<String> lines = Files.readAllLines(file);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(lines.get(0)).get("format").asText()).isEqualTo("procmon-export");
        for (String line : lines.subList(1, lines.size())) {
            JsonNode row = json.readTree(line);
            assertThat(row.get("pid").asLong()).isEqualTo(202);
        }
        assertThat(lines).hasSize(3);
    }

    @Test
    void errorsAreOneLine() {
        assertThat(procmon("export", CheckCommandTest.log("multi-pid.log"), "--format", "csv", "--pid", "9"))
                .isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("procmon export: pid 9 is not in " + CheckCommandTest.log("multi-pid.log") + "\n");
        err.getBuffer().setLength(0);
        Path missing = tmp.resolve("missing.log");
        assertThat(procmon("export", missing.toString(), "--format", "csv")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("procmon export: " + missing + ": no such file\n");
        err.getBuffer().setLength(0);
        assertThat(procmon("export", CheckCommandTest.log("phases.log"), "--format", "xml"))
                .isEqualTo(2);
        assertThat(err.toString())
                .startsWith(
                        "procmon export: Invalid value for option '--format': 'xml' is not an export format (csv, jsonl)");
        err.getBuffer().setLength(0);
        assertThat(procmon("export", CheckCommandTest.log("phases.log"))).isEqualTo(2);
        assertThat(err.toString()).startsWith("procmon export: Missing required option: '--format=csv|jsonl'");
    }

    @Test
    void neverWritesThroughAPlantedLink() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim"), "keep");
        Path link = Files.createSymbolicLink(tmp.resolve("out.csv"), victim);
        assertThat(procmon("export", CheckCommandTest.log("phases.log"), "--format", "csv", "-o", link.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("procmon export: ");
        assertThat(Files.readString(victim)).isEqualTo("keep");
    }

    @Test
    void aRefusedOrFullOutputIsOneLineNamingTheFile() throws Exception {
        Path link =
                Files.createSymbolicLink(tmp.resolve("planted.csv"), Files.writeString(tmp.resolve("victim"), "keep"));
        assertThat(procmon("export", CheckCommandTest.log("phases.log"), "--format", "csv", "-o", link.toString()))
                .isEqualTo(1);
        assertThat(procmon("export", CheckCommandTest.log("phases.log"), "--format", "csv", "-o", "/dev/full"))
                .isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(2);
        assertThat(err.toString().lines().toList().get(0)).startsWith("procmon export: " + link + ": ");
        assertThat(err.toString().lines().toList().get(1)).startsWith("procmon export: /dev/full: ");
    }

    @Test
    void aFullStdoutIsAnErrorNotLostRows() {
        // As from the launcher: picocli's own writer over System.out, which (a PrintStream) swallows write errors.
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        }));
        try {
            int exit = ProcmonCommand.commandLine()
                    .setErr(new PrintWriter(err))
                    .execute("export", CheckCommandTest.log("phases.log"), "--format", "csv");
            assertThat(exit).isEqualTo(1);
        } finally {
            System.setOut(stdout);
        }
        assertThat(err.toString()).isEqualTo("procmon export: cannot write to stdout\n");
    }
}
