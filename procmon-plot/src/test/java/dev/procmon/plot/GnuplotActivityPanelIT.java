package dev.procmon.plot;

import static dev.procmon.plot.Fixtures.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs the real gnuplot on the {@code .plt} of logs with and without activity counters: with them, a
 * multiplot that gnuplot draws without a word on its output, whose lower panel holds the activity
 * series where procmon's own layout puts them; without them, the single chart as before.
 */
@EnabledIf("dev.procmon.plot.GnuplotIntegrationIT#gnuplotInstalled")
class GnuplotActivityPanelIT {

    @TempDir
    Path out;

    /** A stroked line of gnuplot's SVG: its colour as {@code #rrggbb} and its points. */
    private record Stroke(String color, boolean dashed, List<double[]> points) {
        double minY() {
            return points.stream().mapToDouble(p -> p[1]).min().orElseThrow();
        }

        double maxY() {
            return points.stream().mapToDouble(p -> p[1]).max().orElseThrow();
        }
    }

    @Test
    void theScriptOfALogWithCountersDrawsThePanelUnderTheChartAsProcmonDoes() throws Exception {
        LogPlotter.plot(List.of(log("counters.log")), out, PlotOptions.defaults());
        ChartLayout layout = layout("counters.log");
        PanelLayout panel = java.util.Objects.requireNonNull(layout.panel);

        Document svg = gnuplot("counters.log_5151");

        assertThat(svg.getDocumentElement().getAttribute("height")).isEqualTo(String.valueOf(layout.height()));
        String text = svg.getDocumentElement().getTextContent();
        assertThat(text)
                .contains("Memory and CPU: counters.log, pid 5151")
                .contains(panel.chart.yTitle())
                .contains(panel.chart.y2Title());
        for (ChartLayout.LegendEntry e : panel.legend) {
            assertThat(text).contains(e.text());
        }
        List<Stroke> plotted = plotted(svg);
        // Every panel series is drawn in the band under the chart, in its colour, from and to the
        // pixels procmon's own layout gives it.
        for (ChartLayout.Line line : panel.lines) {
            double[] first = line.runs().get(0);
            double[] last = line.runs().get(line.runs().size() - 1);
            assertThat(plotted).as(line.series().name()).anySatisfy(s -> {
                assertThat(s.color()).isEqualTo(line.series().color());
                assertThat(s.minY()).isGreaterThanOrEqualTo(PanelLayout.TOP - 1);
                assertThat(s.maxY()).isLessThanOrEqualTo(PanelLayout.BOTTOM + 1);
                assertThat(s.points().get(0)[0]).isCloseTo(first[0], within(1.0));
                assertThat(s.points().get(0)[1]).isCloseTo(first[1], within(1.0));
                double[] end = s.points().get(s.points().size() - 1);
                assertThat(end[0]).isCloseTo(last[last.length - 2], within(1.0));
                assertThat(end[1]).isCloseTo(last[last.length - 1], within(1.0));
            });
        }
        // The cgroup limit (read on lines 1 and 11 of 12) is a line on the memory axis to the last sample.
        assertThat(plotted).anySatisfy(s -> {
            assertThat(s.color()).isEqualTo("#000000");
            assertThat(s.maxY()).isCloseTo(layout.py(layout.y, 512), within(1.0));
            assertThat(s.minY()).isCloseTo(layout.py(layout.y, 512), within(1.0));
            assertThat(s.points().get(s.points().size() - 1)[0]).isCloseTo(layout.px(12), within(1.0));
        });
        // The chart's series stay in the chart's plot area.
        assertThat(plotted)
                .filteredOn(s -> s.color().equals("#7b1fa2"))
                .singleElement()
                .satisfies(s -> assertThat(s.maxY()).isLessThanOrEqualTo(ChartLayout.BOTTOM + 1));
    }

    @Test
    void labelsAreMarkedInBothPanelsAndTheirTextsStayText() throws Exception {
        Path hostile = out.resolve("it's `touch PWNED` @GPVAL_PWD $x.log");
        Files.copy(log("escaping-activity.log"), hostile);
        LogPlotter.plot(List.of(hostile), out, PlotOptions.defaults());
        ChartLayout layout = layout(hostile);

        // The output files get a safe name; the title keeps the log's.
        Document svg = gnuplot(OutputEscaper.fileName(hostile.getFileName().toString()) + "_666");

        String text = svg.getDocumentElement().getTextContent();
        assertThat(text)
                .contains("Memory and CPU: it's `touch PWNED` @GPVAL_PWD $x.log, pid 666")
                .contains("x' ; system(\"touch PWNED\") ; '")
                .contains("`touch PWNED`")
                .contains("say \"hi\" & <b>bold</b> it's");
        assertThat(out.resolve("PWNED")).doesNotExist();
        assertThat(Path.of("PWNED")).doesNotExist();
        List<Stroke> markers = strokes(svg).stream()
                .filter(s -> s.dashed() && s.color().equals(ChartLayout.MARKER))
                .toList();
        for (LabelLayout.Placed p : layout.labels.placed()) {
            // One dashed marker through the chart, one through the panel, at the label's x.
            assertThat(markers)
                    .as("marker at %s", p.label().text())
                    .anySatisfy(s -> assertSpans(s, p.x(), layout.top, ChartLayout.BOTTOM))
                    .anySatisfy(s -> assertSpans(s, p.x(), PanelLayout.TOP, PanelLayout.BOTTOM));
        }
    }

    @Test
    void theScriptOfALogWithoutCountersIsTheSingleChart() throws Exception {
        LogPlotter.plot(List.of(log("procmon-jvm.log")), out, PlotOptions.defaults());
        String plt = Files.readString(out.resolve("procmon-jvm.log_86611.plt"));
        assertThat(plt)
                .contains("set terminal svg size " + ChartLayout.WIDTH + ',' + ChartLayout.HEIGHT + ' ')
                .contains("set key tmargin left horizontal")
                .doesNotContain("multiplot")
                .doesNotContain("margin at screen");
        assertThat(plt.lines().filter(l -> l.startsWith("plot "))).hasSize(1);

        Document svg = gnuplot("procmon-jvm.log_86611");

        assertThat(svg.getDocumentElement().getAttribute("height")).isEqualTo(String.valueOf(ChartLayout.HEIGHT));
        assertThat(svg.getDocumentElement().getTextContent()).doesNotContain("I/O (MB/s)");
    }

    private static void assertSpans(Stroke s, double x, double top, double bottom) {
        double[] a = s.points().get(0);
        assertThat(a[0]).isCloseTo(x, within(1.0));
        assertThat(s.minY()).isCloseTo(top, within(1.0));
        assertThat(s.maxY()).isCloseTo(bottom, within(1.0));
    }

    private static ChartLayout layout(String fixture) throws PlotInputException {
        return layout(log(fixture));
    }

    private static ChartLayout layout(Path log) throws PlotInputException {
        SampleTable t =
                LogReader.read(List.of(log), ProgressListener.NONE).tables().get(0);
        DerivedSeries d = DerivedSeries.of(t, TimeAxis.ELAPSED);
        return new ChartLayout(
                ChartBuilder.build(log.getFileName().toString(), t, d, TimeAxis.ELAPSED),
                PanelBuilder.build(t, d, TimeAxis.ELAPSED));
    }

    /**
     * Runs {@code gnuplot NAME.plt} in the output directory as a user would (writing into a file of
     * the test's), asserts it exits 0 and prints nothing (no error, no warning), and parses the SVG.
     */
    private Document gnuplot(String name) throws Exception {
        Path svg = Files.createTempDirectory(out, "gnuplot").resolve("out.svg");
        Process p = new ProcessBuilder(
                        "gnuplot",
                        "-e",
                        "procmon_output = " + OutputEscaper.gnuplotString(svg.toString()),
                        "." + File.separator + name + ".plt")
                .directory(out.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("gnuplot finished").isTrue();
            assertThat(output).as("gnuplot's output").isEmpty();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    /** The lines gnuplot drew for plotted series (inside its {@code gnuplot_plot_*} groups). */
    private static List<Stroke> plotted(Document svg) {
        List<Stroke> strokes = new ArrayList<>();
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("id").startsWith("gnuplot_plot_")) {
                strokes.addAll(strokes(g.getElementsByTagName("path")));
            }
        }
        return strokes;
    }

    private static List<Stroke> strokes(Document svg) {
        return strokes(svg.getElementsByTagName("path"));
    }

    private static final Pattern RGB = Pattern.compile("rgb\\(\\s*(\\d+),\\s*(\\d+),\\s*(\\d+)\\)");
    private static final Pattern POINT = Pattern.compile("[ML]\\s*([-\\d.]+),([-\\d.]+)");

    private static List<Stroke> strokes(NodeList paths) {
        List<Stroke> strokes = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            Matcher rgb = RGB.matcher(path.getAttribute("stroke"));
            String color = path.getAttribute("stroke").equals("black")
                    ? "#000000"
                    : rgb.matches()
                            ? String.format(
                                    Locale.ROOT,
                                    "#%02x%02x%02x",
                                    Integer.parseInt(rgb.group(1)),
                                    Integer.parseInt(rgb.group(2)),
                                    Integer.parseInt(rgb.group(3)))
                            : path.getAttribute("stroke");
            // gnuplot joins several segments (M ... L ... M ...) into one path: each M starts a stroke.
            List<double[]> points = new ArrayList<>();
            Matcher m = POINT.matcher(path.getAttribute("d"));
            while (m.find()) {
                if (m.group().startsWith("M") && !points.isEmpty()) {
                    strokes.add(new Stroke(
                            color, !path.getAttribute("stroke-dasharray").isEmpty(), points));
                    points = new ArrayList<>();
                }
                points.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
            }
            if (!points.isEmpty()) {
                strokes.add(
                        new Stroke(color, !path.getAttribute("stroke-dasharray").isEmpty(), points));
            }
        }
        return strokes;
    }
}
