package dev.procmon.plot;

import static dev.procmon.plot.Fixtures.log;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code .plt} of a log with activity counters: each panel series reads the {@code .dat} column of
 * its own field (by the header the {@code .dat} writes, not by a number known to the test), and the
 * events are marked through the panel in procmon's own drawing as in the script.
 */
class ActivityPanelScriptTest {

    @TempDir
    Path out;

    private static final Pattern PLOTTED = Pattern.compile("using 1:(?:\\(valid\\()?(\\d+).* title '([^']*)'");

    @Test
    void eachSeriesReadsTheDatColumnOfItsField() throws Exception {
        LogPlotter.plot(List.of(log("counters.log")), out, PlotOptions.defaults());
        List<String> header = List.of(Files.readAllLines(out.resolve("counters.log_5151.dat"))
                .get(2)
                .substring(2)
                .split(" "));
        String plt = Files.readString(out.resolve("counters.log_5151.plt"));

        Map<String, String> expected = Map.of(
                "Disk read MB/s", "read_bytes_mb_per_s",
                "Disk write MB/s", "write_bytes_mb_per_s",
                "read() MB/s", "read_chars_mb_per_s",
                "write() MB/s", "write_chars_mb_per_s",
                "Threads (right)", "num_threads",
                "Open fds (right)", "num_fds",
                "cgroup memory limit (MB), left axis", "cgroup_memory_max_mb",
                "RSS (MB), left axis", "rss_mb");
        Matcher m = PLOTTED.matcher(plt);
        int seen = 0;
        while (m.find()) {
            String column = header.get(Integer.parseInt(m.group(1)) - 1);
            if (expected.containsKey(m.group(2))) {
                assertThat(column).as(m.group(2)).isEqualTo(expected.get(m.group(2)));
                seen++;
            }
        }
        assertThat(seen).isEqualTo(expected.size());
        assertThat(plt)
                .contains("set terminal svg size " + ChartLayout.WIDTH + ','
                        + (ChartLayout.HEIGHT + (int) PanelLayout.HEIGHT) + ' ')
                .contains("set multiplot title 'Memory and CPU: counters.log, pid 5151'")
                .endsWith("unset multiplot\n");
        assertThat(plt.lines().filter(l -> l.startsWith("plot "))).hasSize(2);
    }

    @Test
    void theEventsAreMarkedThroughThePanelInProcmonsDrawing() throws Exception {
        SampleTable t = LogReader.read(List.of(log("io.log")), ProgressListener.NONE)
                .tables()
                .get(0);
        DerivedSeries d = DerivedSeries.of(t, TimeAxis.ELAPSED);
        ChartLayout layout = new ChartLayout(
                ChartBuilder.build("io.log", t, d, TimeAxis.ELAPSED), PanelBuilder.build(t, d, TimeAxis.ELAPSED));
        assertThat(layout.labels.placed()).isNotEmpty();

        List<Mark.Lines> dashed = layout.scene().marks().stream()
                .filter(m -> m instanceof Mark.Lines l
                        && l.dash() != null
                        && l.color().equals(ChartLayout.MARKER))
                .map(m -> (Mark.Lines) m)
                .toList();
        for (LabelLayout.Placed p : layout.labels.placed()) {
            assertThat(dashed)
                    .flatMap(Mark.Lines::runs)
                    .anySatisfy(r -> assertThat(r).containsExactly(p.x(), layout.top, p.x(), ChartLayout.BOTTOM))
                    .anySatisfy(r -> assertThat(r).containsExactly(p.x(), PanelLayout.TOP, p.x(), PanelLayout.BOTTOM));
        }
    }
}
