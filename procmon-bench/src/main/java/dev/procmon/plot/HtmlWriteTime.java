package dev.procmon.plot;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Issue 14: what writing the HTML report costs beside the static images, timed in one JVM on the
 * same parsed table (so the machine's noise between processes does not enter): per round the chart
 * layout, SVG + PNG rendering, the run summary and {@link HtmlReport#write}. The first round is what
 * one {@code procmon plot} pays (cold JIT). In this package to reach the package-private pipeline.
 *
 * <p>Usage: {@code java -cp procmon-bench/target/benchmarks.jar dev.procmon.plot.HtmlWriteTime LOG [ROUNDS]}.
 */
public final class HtmlWriteTime {

    private HtmlWriteTime() {}

    public static void main(String[] args) throws Exception {
        SampleTable table = LogReader.read(List.of(Path.of(args[0])), ProgressListener.NONE)
                .tables()
                .get(0);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        for (int k = 0; k < rounds; k++) {
            long t0 = System.nanoTime();
            DerivedSeries d = DerivedSeries.of(table, TimeAxis.ELAPSED);
            ChartLayout layout = new ChartLayout(
                    ChartBuilder.build("log", table, d, TimeAxis.ELAPSED),
                    PanelBuilder.build(table, d, TimeAxis.ELAPSED));
            long t1 = System.nanoTime();
            OutputFormat.SVG.renderer().render(layout.scene(), new ByteArrayOutputStream());
            OutputFormat.PNG.renderer().render(layout.scene(), new ByteArrayOutputStream());
            long t2 = System.nanoTime();
            RunSummary run = RunSummary.of(table);
            long t3 = System.nanoTime();
            ByteArrayOutputStream html = new ByteArrayOutputStream();
            HtmlRun r =
                    HtmlRun.of("log", table, layout.chart, layout.panel == null ? null : layout.panel.chart, run, 0);
            HtmlReport.write("log", List.of(r), PhaseTable.of(run), html);
            long t4 = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "{\"round\": %d, \"layout_s\": %.3f, \"svg_png_s\": %.3f, \"summary_s\": %.3f, "
                            + "\"html_s\": %.3f, \"html_bytes\": %d}%n",
                    k + 1,
                    (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9,
                    (t3 - t2) / 1e9,
                    (t4 - t3) / 1e9,
                    html.size());
        }
    }
}
