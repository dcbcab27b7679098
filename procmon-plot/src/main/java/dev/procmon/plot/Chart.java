package dev.procmon.plot;

import java.util.List;

/**
 * The description of one chart, independent of output format: every renderer and the gnuplot script
 * are drawn from it.
 *
 * @param title the title (file name and pid)
 * @param xTitle x axis title
 * @param yTitle left axis title (memory)
 * @param y2Title right axis title (CPU, page faults)
 * @param clock true if x is wall-clock seconds since 1970 rather than elapsed seconds
 * @param series the lines, drawn in order (missing series already left out)
 * @param labels the labels, in x order
 */
// ArrayRecordComponent: the arrays are the hot, read-only columns handed to the renderers; records are never compared
// or hashed.
@SuppressWarnings("ArrayRecordComponent")
record Chart(
        String title,
        String xTitle,
        String yTitle,
        String y2Title,
        boolean clock,
        List<Series> series,
        List<ChartLabel> labels) {

    /**
     * One line.
     *
     * @param name legend text
     * @param color {@code #rrggbb}
     * @param width stroke width in pixels
     * @param rightAxis drawn against the right (y2) axis
     * @param x x values
     * @param y y values, already divided by {@code scale}; NaN breaks the line
     * @param datColumn the {@code .dat} column (1-based) that holds the unscaled values
     * @param scale the divisor applied to the column (1 for none)
     */
    record Series(
            String name,
            String color,
            double width,
            boolean rightAxis,
            double[] x,
            double[] y,
            int datColumn,
            double scale) {}

    /** A label at {@code x}, its text as logged (unescaped). */
    record ChartLabel(double x, String text) {}
}
