package dev.procmon.plot;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How to plot.
 *
 * @param time what the x axis shows
 * @param formats the images procmon renders itself (may be empty)
 * @param gnuplot run {@code gnuplot NAME.plt} in the output directory to write {@code NAME.svg}
 *     instead of rendering the SVG here
 * @param progress told how far reading has got
 */
public record PlotOptions(TimeAxis time, Set<OutputFormat> formats, boolean gnuplot, ProgressListener progress) {

    /** Checks and copies. */
    public PlotOptions {
        Objects.requireNonNull(time, "time");
        formats = formats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(formats));
        Objects.requireNonNull(progress, "progress");
    }

    /** @return elapsed time, SVG only, no gnuplot, no progress */
    public static PlotOptions defaults() {
        return new PlotOptions(TimeAxis.ELAPSED, Set.of(OutputFormat.SVG), false, ProgressListener.NONE);
    }

    /** @return a copy with {@code time} */
    public PlotOptions withTime(TimeAxis newTime) {
        return new PlotOptions(newTime, formats, gnuplot, progress);
    }

    /** @return a copy with {@code formats} */
    public PlotOptions withFormats(Set<OutputFormat> newFormats) {
        return new PlotOptions(time, newFormats, gnuplot, progress);
    }

    /** @return a copy with {@code gnuplot} */
    public PlotOptions withGnuplot(boolean newGnuplot) {
        return new PlotOptions(time, formats, newGnuplot, progress);
    }

    /** @return a copy with {@code progress} */
    public PlotOptions withProgress(ProgressListener newProgress) {
        return new PlotOptions(time, formats, gnuplot, newProgress);
    }
}
