package dev.procmon.plot;

import static dev.procmon.plot.Fixtures.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class LogPlotterTest {

    @TempDir
    Path out;

    private static final PlotOptions BOTH =
            PlotOptions.defaults().withFormats(Set.of(OutputFormat.SVG, OutputFormat.PNG));

    @Test
    void writesDatPltSvgAndPngPerProcessNamedAfterTheFileWhoseContentIsNewest() throws Exception {
        // Given newest first (as the shell lists app.log app.log.1): read oldest content first, and
        // named after the file with the newest content (2023 here, the 2019 log is older).
        PlotResult result =
                LogPlotter.plot(List.of(log("totaldepth-linux.log"), log("totaldepth-macos.log")), out, BOTH);

        assertThat(result.processes()).extracting(ProcessSummary::pid).containsExactly(86611L, 4242L);
        assertThat(result.processes().get(0).files())
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "totaldepth-linux.log_86611.dat",
                        "totaldepth-linux.log_86611.plt",
                        "totaldepth-linux.log_86611.svg",
                        "totaldepth-linux.log_86611.png",
                        "totaldepth-linux.log_86611.summary.json");
        for (ProcessSummary s : result.processes()) {
            for (Path f : s.files()) {
                assertThat(f).isRegularFile();
            }
        }
    }

    @Test
    void plotsTotalDepth2019LinesWithoutPidUnderThePidOfTheirLogLayout() throws Exception {
        PlotResult result = LogPlotter.plot(List.of(log("totaldepth-2019-no-pid.log")), out, PlotOptions.defaults());

        assertThat(result.processes()).extracting(ProcessSummary::pid).containsExactly(86611L);
        assertThat(out.resolve("totaldepth-2019-no-pid.log_86611.svg")).isRegularFile();
        assertThat(Files.readAllLines(out.resolve("totaldepth-2019-no-pid.log_86611.dat")))
                .filteredOn(l -> !l.startsWith("#"))
                .hasSize(4);
    }

    @Test
    void summarisesEachProcess() throws Exception {
        ProcessSummary s = LogPlotter.plot(List.of(log("totaldepth-macos.log")), out, PlotOptions.defaults())
                .processes()
                .get(0);

        assertThat(s.describe())
                .isEqualTo(
                        "totaldepth-macos.log: pid 86611: 5 samples over 12.3 s, peak RSS 382.0 MB, mean CPU 10.0 %, 3 labels");
    }

    @Test
    void writesDerivedSeriesAsDocumentedDatColumns() throws Exception {
        LogPlotter.plot(List.of(log("procmon-jvm.log")), out, PlotOptions.defaults());

        List<String> lines = Files.readAllLines(out.resolve("procmon-jvm.log_86611.dat"));
        // The ten columns every .dat has, then the other fields this log has, in schema order.
        assertThat(lines.get(2))
                .isEqualTo("# t_s rss_mb pfaults_per_s user_s mean_cpu_pct inst_cpu_pct timestamp pid "
                        + "heap_used_mb system_s vms_mb major_faults_per_s minor_faults_per_s children_user_s children_system_s num_procs "
                        + "heap_committed_mb non_heap_used_mb gc_per_s gc_time_s jvm_threads # label");
        assertThat(lines.get(3))
                .isEqualTo(
                        "1.000000 10.000 1000.0 0.500000 75.000 75.000 2026-11-24T14:10:05.051630 86611 20.000 0.250000 "
                                + "4200.199 0.0 1000.0 0.000000 0.000000 1 128.000 30.000 1.0 0.004000 12");
        assertThat(lines.get(4))
                .isEqualTo("2.000000 11.387 2000.0 1.000000 75.000 75.000 2026-11-24T14:10:06.051630 86611 "
                        + "50.000 0.500000 4200.199 0.0 2000.0 0.000000 0.000000 NaN 128.000 30.000 11.0 0.084000 14 "
                        + "# String of 123,456,789 bytes");
        assertThat(lines.get(5))
                .startsWith("4.000000 9.000 250.0 1.500000 50.000 25.000 ")
                .endsWith(" # done");
    }

    @Test
    void writesMissingPageFaultsAsNaNAndLeavesThemOutOfThePlot() throws Exception {
        LogPlotter.plot(List.of(log("totaldepth-linux.log")), out, PlotOptions.defaults());

        assertThat(Files.readAllLines(out.resolve("totaldepth-linux.log_4242.dat"))
                        .get(3)
                        .split(" ")[2])
                .isEqualTo("NaN");
        assertThat(Files.readString(out.resolve("totaldepth-linux.log_4242.svg")))
                .doesNotContain("Page faults")
                .contains("RSS (MB)")
                .doesNotContain("JVM heap");
        assertThat(Files.readString(out.resolve("totaldepth-linux.log_4242.plt")))
                .doesNotContain("Page faults");
    }

    @Test
    void drawsJvmHeapBesideRssWhenLogged() throws Exception {
        LogPlotter.plot(List.of(log("procmon-jvm.log")), out, PlotOptions.defaults());

        assertThat(Files.readString(out.resolve("procmon-jvm.log_86611.svg"))).contains("JVM heap used (MB)");
    }

    @Test
    void writesASecondSetForASecondRunOfAReusedPid() throws Exception {
        PlotResult r = LogPlotter.plot(List.of(log("reused-pid.log")), out, PlotOptions.defaults());

        assertThat(r.processes())
                .extracting(s -> s.files().get(0).getFileName().toString())
                .containsExactly("reused-pid.log_77.dat", "reused-pid.log_77-2.dat");
        assertThat(Files.readString(out.resolve("reused-pid.log_77-2.svg")))
                .contains("run two")
                .doesNotContain("run one");
    }

    @Test
    void putsLabelsOnTheirOwnProcessPlotOnly() throws Exception {
        LogPlotter.plot(List.of(log("multi-pid.log")), out, PlotOptions.defaults());

        assertThat(Files.readString(out.resolve("multi-pid.log_101.svg")))
                .contains("first of 101")
                .doesNotContain("only on 202");
        assertThat(Files.readString(out.resolve("multi-pid.log_202.plt")))
                .contains("only on 202")
                .doesNotContain("first of 101");
    }

    @Test
    void writesByteIdenticalSvgForIdenticalInput() throws Exception {
        Path other = out.resolve("again");
        LogPlotter.plot(List.of(log("escaping.log")), out, PlotOptions.defaults());
        LogPlotter.plot(List.of(log("escaping.log")), other, PlotOptions.defaults());

        assertThat(Files.readAllBytes(other.resolve("escaping.log_666.svg")))
                .isEqualTo(Files.readAllBytes(out.resolve("escaping.log_666.svg")));
    }

    @Test
    void escapesLabelsInTheSvgSoItParsesAsXmlWithTheTextPreserved() throws Exception {
        LogPlotter.plot(List.of(log("escaping.log")), out, PlotOptions.defaults());

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc =
                f.newDocumentBuilder().parse(out.resolve("escaping.log_666.svg").toFile());
        NodeList texts = doc.getElementsByTagName("text");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            all.add(texts.item(i).getTextContent());
        }
        assertThat(all)
                .contains(
                        "say \"hi\" & <b>bold</b> it's",
                        "line one line two  three",
                        "x' ; system(\"touch PWNED\") ; '",
                        "x\" . system(\"touch PWNED\") . \"",
                        "`touch PWNED`",
                        "ctl   ok \ud83d\ude00");
        assertThat(doc.getElementsByTagName("b").getLength()).isZero();
    }

    @Test
    void escapesLabelsInTheDatSoEachSampleStaysOneRow() throws Exception {
        LogPlotter.plot(List.of(log("escaping.log")), out, PlotOptions.defaults());

        List<String> rows = Files.readAllLines(out.resolve("escaping.log_666.dat")).stream()
                .filter(l -> !l.startsWith("#"))
                .toList();
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0)).endsWith(" # say \"hi\" & <b>bold</b> it's");
        assertThat(rows.get(1)).endsWith(" # line one line two  three");
        assertThat(rows.get(5)).endsWith(" # ctl   ok \ud83d\ude00");
        assertThat(String.join("\n", rows)).doesNotContain("\r").doesNotContain("\u2028");
    }

    @Test
    void escapesLabelsInThePltAsSingleQuotedStringsOnOneLine() throws Exception {
        LogPlotter.plot(List.of(log("escaping.log")), out, PlotOptions.defaults());

        String plt = Files.readString(out.resolve("escaping.log_666.plt"));
        assertThat(plt)
                .contains(
                        "set label 3 'x' . \"\\047\" . ' ; system(' . \"\\042\" . 'touch PWNED' . \"\\042\" . ') ; ' . \"\\047\" . '' at ")
                .contains(
                        "set label 4 'x' . \"\\042\" . ' . system(' . \"\\042\" . 'touch PWNED' . \"\\042\" . ') . ' . \"\\042\" . '' at ")
                .contains("set label 5 '' . \"\\140\" . 'touch PWNED' . \"\\140\" . '' at ")
                .contains("set label 2 'line one line two  three' at ")
                .contains("noenhanced");
        assertThat(plt.lines().filter(l -> l.startsWith("set label"))).hasSize(6);
    }

    @Test
    void rendersAPngHeadless() throws Exception {
        LogPlotter.plot(List.of(log("procmon-jvm.log")), out, BOTH);

        var image =
                ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(out.resolve("procmon-jvm.log_86611.png"))));
        assertThat(image.getWidth()).isEqualTo(ChartLayout.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartLayout.HEIGHT);
    }

    @Test
    void plotsAgainstWallClockTimeWhenAsked() throws Exception {
        LogPlotter.plot(
                List.of(log("procmon-jvm.log")), out, PlotOptions.defaults().withTime(TimeAxis.CLOCK));

        assertThat(Files.readString(out.resolve("procmon-jvm.log_86611.svg")))
                .contains(">14:10:06<")
                .contains("Time of day");
        assertThat(Files.readString(out.resolve("procmon-jvm.log_86611.plt")))
                .contains("set xdata time")
                .contains("using 7:2")
                .contains("'2026-11-24T14:10:06.051630'");
    }

    @Test
    void onAClockAxisALabelOnASampleWithoutAValidTimestampIsLeftOutEverywhereAlike() throws Exception {
        String line = "ProcessLoggingThread-JSON {\"timestamp\": \"%s\", \"memory_info\": {\"rss\": %d}, "
                + "\"cpu_times\": {\"user\": %s, \"system\": 0.0}, \"elapsed_time\": %s, \"pid\": 9%s}";
        Path log = out.resolve("clock-labels.log");
        Files.write(
                log,
                List.of(
                        String.format(
                                line, "2026-02-30 10:00:00.000000", 1 << 20, "0.1", "1.0", ", \"label\": \"FIRST\""),
                        String.format(line, "2026-11-24 10:00:01.000000", 2 << 20, "0.2", "2.0", ""),
                        String.format(
                                line, "2026-11-24 10:00:02.000000", 3 << 20, "0.3", "3.0", ", \"label\": \"SECOND\""),
                        String.format(line, "2026-11-24 10:00:03.000000", 3 << 20, "0.4", "4.0", "")));
        LogPlotter.plot(List.of(log), out, PlotOptions.defaults().withTime(TimeAxis.CLOCK));

        String plt = Files.readString(out.resolve("clock-labels.log_9.plt"));
        assertThat(plt)
                .contains("set label 1 'SECOND' at '2026-11-24T10:00:02")
                .doesNotContain("FIRST")
                .doesNotContain("1970");
        assertThat(Files.readString(out.resolve("clock-labels.log_9.svg")))
                .contains(">SECOND<")
                .doesNotContain("FIRST");
    }

    @Test
    void aLogWithUserButNoSystemTimeStillHasItsCpuSeries() throws Exception {
        Path log = out.resolve("user-only.log");
        Files.write(
                log,
                List.of(
                        "ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 1048576}, \"cpu_times\": {\"user\": 1.0}, \"elapsed_time\": 2.0, \"pid\": 5}",
                        "ProcessLoggingThread-JSON {\"memory_info\": {\"rss\": 1048576}, \"cpu_times\": {\"user\": 2.0}, \"elapsed_time\": 4.0, \"pid\": 5}"));
        LogPlotter.plot(List.of(log), out, PlotOptions.defaults());

        List<String[]> rows = Files.readAllLines(out.resolve("user-only.log_5.dat")).stream()
                .filter(r -> !r.startsWith("#"))
                .map(r -> r.trim().split("\\s+"))
                .toList();
        assertThat(rows).extracting(r -> Double.parseDouble(r[4])).containsExactly(50.0, 50.0);
        assertThat(rows).extracting(r -> Double.parseDouble(r[5])).containsExactly(50.0, 50.0);
        assertThat(Files.readString(out.resolve("user-only.log_5.svg"))).contains("Mean CPU (%)");
    }

    @Test
    void refusesClockTimeWhenTheLogHasNoTimestamps() {
        assertThatThrownBy(() -> LogPlotter.plot(
                        List.of(log("reused-pid.log")),
                        out,
                        PlotOptions.defaults().withTime(TimeAxis.CLOCK)))
                .isInstanceOf(PlotInputException.class)
                .hasMessage("reused-pid.log: pid 77 has no timestamps to plot against; use --time=elapsed");
    }

    @Test
    void failsWithAClearMessageWhenGnuplotIsNotInstalled() {
        assertThatThrownBy(() -> GnuplotRunner.run(out, "x", "procmon-no-such-gnuplot"))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("gnuplot is not installed or not on the PATH (needed for --gnuplot)");
    }
}
