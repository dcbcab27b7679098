package dev.procmon.plot;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How to plot.
 *
 * @param time what the x axis shows
 * @param formats the images procmon renders itself (may be empty)
 * @param gnuplot run gnuplot on {@code NAME.plt} to write {@code NAME.svg} instead of rendering the SVG here
 * @param progress told how far reading has got
 * @param maxProcesses the most process runs plotted; the others are counted in a notice
 * @param cores the machine's CPU count the log was recorded on, for the rate limit (0: from the log or
 *     this machine, see docs/plot.md)
 * @param stop stops reading early (signals), or null
 */
public record PlotOptions(
        TimeAxis time,
        Set<OutputFormat> formats,
        boolean gnuplot,
        ProgressListener progress,
        int maxProcesses,
        int cores,
        @Nullable StopSignal stop) {

    /** The default for {@link #maxProcesses}. */
    public static final int DEFAULT_MAX_PROCESSES = 20;

    /** Checks and copies. */
    public PlotOptions {
        Objects.requireNonNull(time, "time");
        formats = formats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(formats));
        Objects.requireNonNull(progress, "progress");
        if (maxProcesses < 1) {
            throw new IllegalArgumentException("maxProcesses must be at least 1: " + maxProcesses);
        }
        if (cores < 0) {
            throw new IllegalArgumentException("cores must not be negative: " + cores);
        }
    }

    /** Returns elapsed time, SVG and PNG, no gnuplot, no progress, 20 processes, cores from the log. */
    public static PlotOptions defaults() {
        return new PlotOptions(
                TimeAxis.ELAPSED,
                EnumSet.allOf(OutputFormat.class),
                false,
                ProgressListener.NONE,
                DEFAULT_MAX_PROCESSES,
                0,
                null);
    }

    /** Returns a copy with {@code time}. */
    public PlotOptions withTime(TimeAxis newTime) {
        return new PlotOptions(newTime, formats, gnuplot, progress, maxProcesses, cores, stop);
    }

    /** Returns a copy with {@code formats}. */
    public PlotOptions withFormats(Set<OutputFormat> newFormats) {
        return new PlotOptions(time, newFormats, gnuplot, progress, maxProcesses, cores, stop);
    }

    /** Returns a copy with {@code gnuplot}. */
    public PlotOptions withGnuplot(boolean newGnuplot) {
        return new PlotOptions(time, formats, newGnuplot, progress, maxProcesses, cores, stop);
    }

    /** Returns a copy with {@code progress}. */
    public PlotOptions withProgress(ProgressListener newProgress) {
        return new PlotOptions(time, formats, gnuplot, newProgress, maxProcesses, cores, stop);
    }

    /** Returns a copy with {@code maxProcesses}. */
    public PlotOptions withMaxProcesses(int newMaxProcesses) {
        return new PlotOptions(time, formats, gnuplot, progress, newMaxProcesses, cores, stop);
    }

    /** Returns a copy with {@code cores}. */
    public PlotOptions withCores(int newCores) {
        return new PlotOptions(time, formats, gnuplot, progress, maxProcesses, newCores, stop);
    }

    /** Returns a copy with {@code stop}. */
    public PlotOptions withStop(StopSignal newStop) {
        return new PlotOptions(time, formats, gnuplot, progress, maxProcesses, cores, newStop);
    }
}
