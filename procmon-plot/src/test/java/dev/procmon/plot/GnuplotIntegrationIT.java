package dev.procmon.plot;

import static dev.procmon.plot.Fixtures.log;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Runs the real gnuplot on the scripts procmon writes; skipped only when gnuplot is absent. */
@EnabledIf("gnuplotInstalled")
class GnuplotIntegrationIT {

    @TempDir
    Path out;

    static boolean gnuplotInstalled() {
        try {
            Process p = new ProcessBuilder("gnuplot", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void gnuplotWritesTheSvgWithHostileLabelsAsTextAndRunsNoCommand() throws Exception {
        PlotResult r = LogPlotter.plot(
                List.of(log("escaping.log")),
                out,
                PlotOptions.defaults().withGnuplot(true).withFormats(Set.of(OutputFormat.SVG)));

        Path svg = out.resolve("escaping.log_666.svg");
        assertThat(r.processes().get(0).files()).contains(svg);
        Document doc = parse(svg);
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text)
                .contains("x' ; system(\"touch PWNED\") ; '")
                .contains("`touch PWNED`")
                .contains("say \"hi\" & <b>bold</b> it's")
                .contains("Memory and CPU: escaping.log, pid 666");
        assertThat(out.resolve("PWNED")).doesNotExist();
        assertThat(Path.of("PWNED")).doesNotExist();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "escaping.log_666.dat",
                            "escaping.log_666.plt",
                            "escaping.log_666.svg",
                            "escaping.log_666.summary.json");
        }
    }

    @Test
    void gnuplotPlotsLabelsThatStartOrEndWithAQuote() throws Exception {
        Path log = out.resolve("quotes.log");
        Files.writeString(
                log,
                String.join(
                        "\n",
                        "x ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"pid\": 5, "
                                + "\"label\": \"'; system('touch PWNED'); '\"}",
                        "x ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 2}, \"elapsed_time\": 2.0, \"pid\": 5, "
                                + "\"label\": \"''\"}",
                        "x ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 3}, \"elapsed_time\": 3.0, \"pid\": 5, "
                                + "\"label\": \"it's'\"}",
                        ""));

        LogPlotter.plot(List.of(log), out, PlotOptions.defaults().withGnuplot(true));

        String text =
                parse(out.resolve("quotes.log_5.svg")).getDocumentElement().getTextContent();
        assertThat(text).contains("'; system('touch PWNED'); '").contains("''").contains("it's'");
        assertThat(out.resolve("PWNED")).doesNotExist();
    }

    @Test
    void gnuplotPlotsClockTimeAndLinuxLogsWithoutPageFaults() throws Exception {
        LogPlotter.plot(
                List.of(log("totaldepth-linux.log")),
                out,
                PlotOptions.defaults().withGnuplot(true).withTime(TimeAxis.CLOCK));

        String text = parse(out.resolve("totaldepth-linux.log_4242.svg"))
                .getDocumentElement()
                .getTextContent();
        assertThat(text).contains("Reading index").contains("09:15:02");
    }

    private static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(svg.toFile());
    }
}
