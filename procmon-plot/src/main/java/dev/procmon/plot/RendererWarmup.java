package dev.procmon.plot;

import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * Draws a tiny chart as PNG on a daemon thread while the log is read, so that Java2D, its fonts and
 * the PNG encoder are loaded and initialised (about half a second of a cold JVM) on a core the read
 * leaves free, not after the read, where the user waits for them. What it draws is thrown away; if
 * it fails, the real drawing reports the failure.
 */
final class RendererWarmup {

    private RendererWarmup() {}

    /** Starts the warm-up if {@code formats} has PNG. */
    static void startFor(Set<OutputFormat> formats) {
        if (!formats.contains(OutputFormat.PNG)) {
            return;
        }
        Thread t = new Thread(RendererWarmup::run, "procmon-plot-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        Scene tiny = new Scene(
                64,
                32,
                new double[] {0, 0, 64, 32},
                "warm-up",
                List.of(
                        new Mark.Lines("#7b1fa2", 2.0, null, true, List.of(new double[] {1, 1, 30, 20, 60, 5})),
                        new Mark.Lines("#999999", 1.0, new double[] {4, 3}, false, List.of(new double[] {9, 0, 9, 30})),
                        new Mark.Box(2, 2, 20, 10, "#ffffff", 0.85, "#cccccc"),
                        new Mark.Text(5, 12, 0, false, "0.5 MB", null, 11, false, "#333333"),
                        new Mark.Text(20, 30, 0, true, "label", null, 11, true, "#333333")));
        try {
            OutputFormat.PNG.renderer().render(tiny, OutputStream.nullOutputStream());
        } catch (Exception | LinkageError e) {
            // The real PNG is drawn anyway and reports what went wrong there.
        }
    }
}
