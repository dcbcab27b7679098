package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 "safe outputs" and issue 10 "PNG output does not depend on java.io.tmpdir". */
class OutputSafetyIT {

    @TempDir
    Path dir;

    private Path smallLog(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            lines.add(LogLines.sample(7, i, 1_000_000L * i, 0.5 * i, i == 3 ? "half way" : null));
        }
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    @Test
    void replacesLinksPlantedInTheOutputDirectoryInsteadOfWritingThroughThem() throws Exception {
        Path log = smallLog("app.log");
        Path out = Files.createDirectories(dir.resolve("out"));
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        for (String ext : List.of("dat", "plt", "svg", "png")) {
            Files.createSymbolicLink(out.resolve("app.log_7." + ext), victim);
        }

        LogPlotter.plot(List.of(log), out, PlotOptions.defaults());

        assertThat(Files.readString(victim)).isEqualTo("precious");
        for (String ext : List.of("dat", "plt", "svg", "png")) {
            Path f = out.resolve("app.log_7." + ext);
            assertThat(Files.isSymbolicLink(f)).as(f.toString()).isFalse();
            assertThat(Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).isTrue();
        }
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary file left")
                    .allMatch(n -> !n.endsWith(".tmp"));
        }
    }

    @Test
    void aLogNameThatLooksLikeAnOptionStillMakesGnuplotDraw() throws Exception {
        Assumptions.assumeTrue(GnuplotIntegrationIT.gnuplotInstalled(), "gnuplot is not installed");
        Path log = smallLog("-persist.log");
        Path out = dir.resolve("out");

        PlotResult r = LogPlotter.plot(
                List.of(log), out, PlotOptions.defaults().withGnuplot(true).withFormats(Set.of()));

        Path svg = out.resolve("-persist.log_7.svg");
        assertThat(r.processes().get(0).files()).contains(svg);
        assertThat(svg).isNotEmptyFile();
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    }

    @Test
    void aGnuplotThatWritesNothingIsAnErrorNotAListedFile() throws Exception {
        Path log = smallLog("app.log");
        Path out = dir.resolve("out");
        LogPlotter.plot(List.of(log), out, PlotOptions.defaults().withFormats(Set.of()));

        assertThatThrownBy(() -> GnuplotRunner.run(out, "app.log_7", "true"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("gnuplot wrote no app.log_7.svg from app.log_7.plt");
        assertThat(out.resolve("app.log_7.svg")).doesNotExist();
    }

    @Test
    void anOutputErrorNamesTheFile() throws Exception {
        Path log = smallLog("app.log");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(out.resolve("app.log_7.svg").resolve("in the way"));

        assertThatThrownBy(() -> LogPlotter.plot(List.of(log), out, PlotOptions.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(out.resolve("app.log_7.svg") + ": cannot write");
    }

    @Test
    void writesAValidPngWhileTheJvmShutsDownAndWithoutATemporaryDirectory() throws Exception {
        // ImageIO.write would use a disk cache in java.io.tmpdir and register a shutdown hook, so a
        // plot written from a shutdown hook (Ctrl-C during record --plot) failed with
        // "Shutdown in progress" and a 0-byte PNG.
        Path log = smallLog("app.log");
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.io.tmpdir=" + dir.resolve("no-such-tmp"),
                        "-Djava.awt.headless=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PlotInShutdownHookMain.class.getName(),
                        log.toString(),
                        out.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).doesNotContain("Exception", "Shutdown in progress");
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(ImageIO.read(out.resolve("app.log_7.png").toFile())).isNotNull();
    }
}
