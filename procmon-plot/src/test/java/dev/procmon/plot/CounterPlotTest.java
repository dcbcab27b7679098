package dev.procmon.plot;

import static dev.procmon.plot.Fixtures.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.LogField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plots show what the log has: the activity panel (I/O rate, threads, descriptors) under the
 * chart, the cgroup limit on the memory axis, faults apart in the .dat; nothing of it for a log
 * without those keys.
 */
class CounterPlotTest {

    @TempDir
    Path out;

    private static SampleTable table(String name) throws PlotInputException {
        return LogReader.read(List.of(log(name)), ProgressListener.NONE)
                .tables()
                .get(0);
    }

    private static ChartLayout layout(SampleTable t) {
        DerivedSeries d = DerivedSeries.of(t, TimeAxis.ELAPSED);
        return new ChartLayout(
                ChartBuilder.build("x.log", t, d, TimeAxis.ELAPSED), PanelBuilder.build(t, d, TimeAxis.ELAPSED));
    }

    private static ChartLayout.Line line(List<ChartLayout.Line> lines, String name) {
        return lines.stream()
                .filter(l -> l.series().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void thePanelShowsIoRatesThreadsAndDescriptorsOnTheChartsTimeScale() throws Exception {
        ChartLayout l = layout(table("counters.log"));
        assertThat(l.panel).isNotNull();
        assertThat(l.height()).isEqualTo(ChartLayout.HEIGHT + (int) PanelLayout.HEIGHT);
        assertThat(l.panel.lines)
                .extracting(x -> x.series().name())
                .containsExactly(
                        "Disk read MB/s",
                        "Disk write MB/s",
                        "read() MB/s",
                        "write() MB/s",
                        "Threads (right)",
                        "Open fds (right)");
        // 1 MB more read every second: 1 MB/s from the first sample on (taken against zero at t = 0).
        assertThat(line(l.panel.lines, "Disk read MB/s").series().y()).containsOnly(1.0);
        assertThat(line(l.panel.lines, "write() MB/s").series().y()).containsOnly(3.0);
        // Descriptors are logged on lines 1 and 11 only: still one line through both points.
        Chart.Series fds = line(l.panel.lines, "Open fds (right)").series();
        assertThat(fds.x()).containsExactly(1.0, 11.0);
        assertThat(fds.y()).containsExactly(11.0, 21.0);
        assertThat(line(l.panel.lines, "Open fds (right)").runs())
                .hasSize(1)
                .allSatisfy(run -> assertThat(run.length).isEqualTo(4));
        // Same x pixels as the chart above.
        double[] rssRun = line(l.lines, "RSS (MB), left axis").runs().get(0);
        double[] threadsRun = line(l.panel.lines, "Threads (right)").runs().get(0);
        assertThat(threadsRun[0]).isEqualTo(rssRun[0]);
        assertThat(l.panel.y2.max()).isGreaterThanOrEqualTo(21);
        // Its marks lie in the band under the chart.
        assertThat(l.scene().height()).isEqualTo(l.height());
        assertThat(l.panel.marks())
                .filteredOn(m -> m instanceof Mark.Text)
                .allSatisfy(m -> assertThat(((Mark.Text) m).y()).isGreaterThan(ChartLayout.HEIGHT));
    }

    @Test
    void theCgroupLimitIsALineOnTheMemoryAxis() throws Exception {
        ChartLayout l = layout(table("counters.log"));
        Chart.Series limit =
                line(l.lines, "cgroup memory limit (MB), left axis").series();
        assertThat(limit.rightAxis()).isFalse();
        assertThat(limit.y()).containsOnly(512.0);
        assertThat(limit.x()).containsExactly(1.0, 11.0, 12.0); // held to the last sample
        assertThat(l.y.max()).isGreaterThanOrEqualTo(512);
    }

    @Test
    void aLogWithoutTheCountersHasNoPanelAndNoLimit() throws Exception {
        ChartLayout l = layout(table("totaldepth-macos.log"));
        assertThat(l.panel).isNull();
        assertThat(l.height()).isEqualTo(ChartLayout.HEIGHT);
        assertThat(l.lines).noneMatch(x -> x.series().name().startsWith("cgroup"));

        LogPlotter.plot(List.of(log("totaldepth-macos.log")), out, PlotOptions.defaults());
        String svg = Files.readString(out.resolve("totaldepth-macos.log_86611.svg"));
        assertThat(svg).contains("height=\"720\"").doesNotContain("I/O (MB/s)");
    }

    @Test
    void theSvgAndPngCarryThePanel() throws Exception {
        LogPlotter.plot(List.of(log("counters.log")), out, PlotOptions.defaults());
        String svg = Files.readString(out.resolve("counters.log_5151.svg"));
        assertThat(svg)
                .contains("height=\"" + (ChartLayout.HEIGHT + (int) PanelLayout.HEIGHT) + "\"")
                .contains("I/O (MB/s)")
                .contains("Open fds (right)")
                .contains("cgroup memory limit (MB)");
        assertThat(javax.imageio.ImageIO.read(
                                out.resolve("counters.log_5151.png").toFile())
                        .getHeight())
                .isEqualTo(ChartLayout.HEIGHT + (int) PanelLayout.HEIGHT);
    }

    @Test
    void theDatHasFaultsApartAndTheCountersRates() throws Exception {
        LogPlotter.plot(List.of(log("every-field.log")), out, PlotOptions.defaults());
        List<String> lines = Files.readAllLines(out.resolve("every-field.log_4242.dat"));
        List<String> header = Arrays.asList(lines.get(2).substring(2).split(" "));
        List<String> first = Arrays.asList(lines.get(3).split(" "));
        List<String> second = Arrays.asList(lines.get(4).split(" "));
        // Faults of the process and its children: 1000 + 200 at t = 2, of which 10 + 2 major.
        assertThat(first.get(header.indexOf("pfaults_per_s"))).isEqualTo("600.0");
        assertThat(first.get(header.indexOf("major_faults_per_s"))).isEqualTo("6.0");
        assertThat(first.get(header.indexOf("minor_faults_per_s"))).isEqualTo("594.0");
        // Then 1600 + 300 (of which 30 + 4 major) at t = 3.
        assertThat(second.get(header.indexOf("pfaults_per_s"))).isEqualTo("700.0");
        assertThat(second.get(header.indexOf("major_faults_per_s"))).isEqualTo("22.0");
        assertThat(second.get(header.indexOf("minor_faults_per_s"))).isEqualTo("678.0");
        assertThat(second.get(header.indexOf("read_bytes_mb_per_s"))).isEqualTo("2.000");
        assertThat(second.get(header.indexOf("voluntary_ctx_switches_per_s"))).isEqualTo("200.0");
        assertThat(second.get(header.indexOf("num_fds"))).isEqualTo("44");
        assertThat(second.get(header.indexOf("cgroup_memory_max_mb"))).isEqualTo("512.000");
        assertThat(second.get(header.indexOf("pss_mb"))).isEqualTo("90.000");
        // CPU counts the children: (2.0 + 0.75 + 0.5 + 0.25) / 3 s.
        assertThat(second.get(header.indexOf("mean_cpu_pct"))).isEqualTo("116.667");
        assertThat(header).doesNotContain("pageins_per_s");
    }

    @Test
    void aSparseCounterRateSpansTheLinesWithoutIt() throws Exception {
        SampleTable t = table("counters.log");
        double[] rate = DerivedSeries.perSecond(
                t.column(LogField.ELAPSED_TIME).toArray(),
                t.column(LogField.VOLUNTARY).toArray());
        assertThat(rate[0]).isEqualTo(100.0);
        assertThat(rate[1]).isNaN();
        assertThat(rate[10]).isEqualTo(100.0); // (1100 - 100) / (11 - 1), not / (11 - 10)
    }
}
