package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --compare}'s report in a real headless Chromium (an integration test: it starts the browser). */
final class RunComparisonIT {

    @TempDir
    Path dir;

    private static final List<Path> LOGS = List.of(Fixtures.log("phases.log"), Fixtures.log("phases-slower.log"));

    @Test
    void theComparisonOpensInChromiumWithBothRuns() throws Exception {
        assumeTrue(HeadlessChromium.executable().isPresent(), "chromium is not on the PATH: browser test skipped");
        Path report = RunComparison.write(LOGS, OptionalLong.empty(), null, dir, ProgressListener.NONE);
        HeadlessChromium.Page page = HeadlessChromium.dumpDom(report, "");
        assertThat(page.console()).isEmpty();
        assertThat(HtmlReportBrowserIT.status(page.dom(), "ready")).isEqualTo("true");
        assertThat(HtmlReportBrowserIT.status(page.dom(), "samples")).isEqualTo("20");
        assertThat(page.dom()).contains("<h2>Runs compared</h2>").contains("<td>+50.0 (+50.0 %)</td>");
    }
}
