package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report file itself (the browser tests open it): one self-contained page, licence included. */
final class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void theReportIsOneFileThatLoadsNothingAndCarriesUplotsLicence() throws Exception {
        PlotResult r = LogPlotter.plot(List.of(Fixtures.log("totaldepth-macos.log")), dir, PlotOptions.defaults());
        Path html = dir.resolve("totaldepth-macos.log_86611.html");
        assertThat(r.processes().get(0).files()).contains(html);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        String lower = page.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain(" src=", "<link", "@import", "url(http");
        assertThat(page)
                .contains("default-src 'none'")
                .contains("Permission is hereby granted")
                .contains("Leon Sorokin")
                .contains("var uPlot=");
    }

    @Test
    void aLabelWithALoneSurrogatePlotsInEveryFormat() throws Exception {
        // Regression: the .dat and .plt writers failed with MalformedInputException on such a label.
        PlotResult r = LogPlotter.plot(
                List.of(Fixtures.log("html-hostile.log")),
                dir,
                PlotOptions.defaults().withFormats(EnumSet.allOf(OutputFormat.class)));
        assertThat(r.processes().get(0).files())
                .contains(dir.resolve("html-hostile.log_4242.html"), dir.resolve("html-hostile.log_4242.plt"));
        assertThat(Files.readString(dir.resolve("html-hostile.log_4242.dat"), StandardCharsets.UTF_8))
                .contains("line sep")
                .contains(" lone &");
    }
}
