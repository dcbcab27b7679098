package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code procmon plot recording.jfr OUTDIR} on recordings real JVMs made: at startup and by jcmd. */
class PlotJfrIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int plot(String... args) {
        return ProcmonCommand.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private void assertPlotted(Path jfr, long pid) throws Exception {
        Path outDir = dir.resolve("out");
        assertThat(plot("plot", "--format", "svg", jfr.toString(), outDir.toString()))
                .as(err.toString())
                .isZero();
        List<String> lines = out.toString().lines().toList();
        String name = jfr.getFileName().toString();
        assertThat(lines.get(0)).startsWith(jfr + ": JFR recording of pid " + pid + ", ");
        if (Runtime.version().feature() < 21) {
            assertThat(lines.get(0)).contains("lacked RSS (jdk.ResidentSetSize is recorded by JDK 21+");
        }
        assertThat(lines.get(1))
                .startsWith(name + ": pid " + pid + ": ")
                .contains(" samples over ")
                .as("CPU known at the last line")
                .doesNotContain("mean CPU n/a");
        String base = name + "_" + pid;
        for (String ext : List.of(".dat", ".plt", ".svg")) {
            assertThat(outDir.resolve(base + ext)).isNotEmptyFile();
        }
        String dat = Files.readString(outDir.resolve(base + ".dat"), StandardCharsets.UTF_8);
        assertThat(dat).contains("heap_used_mb");
        assertThat(err.toString()).isEmpty();
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("procmon-jfr-"))
                            .filter(p -> {
                                try {
                                    return Files.getLastModifiedTime(p).toMillis() > System.currentTimeMillis() - 5_000;
                                } catch (java.io.IOException e) {
                                    return false;
                                }
                            }))
                    .as("temporary logs removed")
                    .isEmpty();
        }
    }

    @Test
    void aRecordingStartedWithTheJvmPlots() throws Exception {
        Path jfr = dir.resolve("startup.jfr");
        Process p = new ProcessBuilder(Jvms.command(
                        List.of("-Xmx256m", "-XX:StartFlightRecording=filename=" + jfr + ",settings=default"),
                        TargetApp.class.getName(),
                        "2",
                        "64"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertPlotted(jfr, p.pid());
    }

    @Test
    void aRecordingTakenWithJcmdPlots() throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process target = Jvms.startTarget(60, 64, "-Xmx256m");
        try {
            Path jfr = dir.resolve("jcmd.jfr");
            run(jcmd, Long.toString(target.pid()), "JFR.start", "name=procmon-test", "settings=default");
            Thread.sleep(2500);
            run(jcmd, Long.toString(target.pid()), "JFR.dump", "name=procmon-test", "filename=" + jfr);
            assertPlotted(jfr, target.pid());
        } finally {
            Jvms.stop(target);
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    @Test
    void aBrokenRecordingIsOneLine() throws Exception {
        Path bad = dir.resolve("bad.jfr");
        Files.write(bad, new byte[] {'F', 'L', 'R', 0, 0, 2, 0, 0, 1, 2, 3});
        assertThat(plot("plot", bad.toString(), dir.resolve("o").toString())).isEqualTo(1);
        assertThat(err.toString().lines().toList()).hasSize(1);
        assertThat(err.toString()).startsWith("procmon plot: " + bad + ": not a readable JFR recording");
    }
}
