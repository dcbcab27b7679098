package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --compare}: one report overlaying a run from each log (phases-slower.log is phases.log with
 * 1.5 times the RSS and 1.2 times the elapsed time, plus 0.5 s), aligned at start or at a label.
 */
final class RunComparisonTest {

    @TempDir
    Path dir;

    private static final List<Path> LOGS = List.of(Fixtures.log("phases.log"), Fixtures.log("phases-slower.log"));

    @Test
    void theTableComparesTotalsAndEachPhaseBothRunsHave() throws Exception {
        ReportTable t = CompareTable.of(
                List.of("a", "b"),
                List.of(
                        RunSummary.of(LogReader.read(List.of(LOGS.get(0)), ProgressListener.NONE)
                                .tables()
                                .get(0)),
                        RunSummary.of(LogReader.read(List.of(LOGS.get(1)), ProgressListener.NONE)
                                .tables()
                                .get(0))));
        assertThat(t.columns()).containsExactly("Measure", "a", "b", "b vs a");
        assertThat(t.rows())
                .contains(
                        List.of("Peak RSS (MB)", "100.0", "150.0", "+50.0 (+50.0 %)"),
                        List.of("Duration (s)", "10.000", "12.500", "+2.500 (+25.0 %)"),
                        List.of("Phase load: duration (s)", "3.000", "3.600", "+0.600 (+20.0 %)"),
                        List.of("Phase load: RSS change (MB)", "60.0", "90.0", "+30.0 (+50.0 %)"));
        assertThat(t.rows().stream()
                        .map(r -> r.get(0))
                        .filter(m -> m.startsWith("Phase "))
                        .map(m -> m.substring(0, m.indexOf(':'))))
                .containsOnly("Phase load", "Phase index", "Phase report", "Phase x");
        assertThat(CompareTable.change(0, 2, 1)).isEqualTo("+2.0");
        assertThat(CompareTable.change(4, 3, 1)).isEqualTo("-1.0 (-25.0 %)");
    }

    @Test
    void runsAreAlignedAtALabel() throws Exception {
        Path report = RunComparison.write(LOGS, OptionalLong.empty(), "load", dir, ProgressListener.NONE);
        String page = Files.readString(report, StandardCharsets.UTF_8);
        // "load" is at 2.0 s in the first run and 2.9 s in the second: those are the offsets.
        assertThat(page).contains("\"offset\":2.0,").contains("\"offset\":2.9");
        assertThat(report.getFileName().toString()).isEqualTo("compare.html");
    }

    @Test
    void aLinkPlantedAsTheReportIsReplacedNeverFollowed() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "keep");
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("compare.html"), victim);

        Path report = RunComparison.write(LOGS, OptionalLong.empty(), null, out, ProgressListener.NONE);

        assertThat(Files.readString(victim)).isEqualTo("keep");
        assertThat(report).isRegularFile().isEqualTo(out.resolve("compare.html"));
        assertThat(Files.isSymbolicLink(report)).isFalse();
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
    }

    @Test
    void aMissingLabelOrAnAmbiguousLogIsOneClearError() {
        assertThatThrownBy(() -> RunComparison.write(LOGS, OptionalLong.empty(), "nope", dir, ProgressListener.NONE))
                .isInstanceOf(PlotInputException.class)
                .hasMessage("phases.log: no label \"nope\" to align at (--align-at)");
        assertThatThrownBy(() -> RunComparison.write(
                        List.of(Fixtures.log("multi-pid.log"), LOGS.get(0)),
                        OptionalLong.empty(),
                        null,
                        dir,
                        ProgressListener.NONE))
                .isInstanceOf(PlotInputException.class)
                .hasMessage("multi-pid.log: 2 process runs (pids 101, 202); choose one with --pid");
        assertThatThrownBy(() -> RunComparison.write(LOGS, OptionalLong.of(7), null, dir, ProgressListener.NONE))
                .isInstanceOf(PlotInputException.class)
                .hasMessage("phases.log: no samples of pid 7 (pids 500)");
    }
}
