package dev.procmon.cli;

import dev.procmon.plot.LogPlotter;
import dev.procmon.plot.PlotOptions;
import dev.procmon.plot.PlotResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders the plots of a finished log into a directory: the seam between {@code procmon record
 * --plot} and the procmon-plot library, so tests can put a fake in its place.
 */
@FunctionalInterface
interface Plotter {

    /**
     * Renders the plots of {@code log} into {@code directory}, which exists.
     *
     * @return what was plotted, printed as {@code procmon plot} prints it
     * @throws Exception any failure; its message is shown to the user as one line
     */
    PlotResult plot(Path log, Path directory) throws Exception;

    /** procmon-plot with its default options: what {@code record --plot} and {@code attach --plot} draw. */
    static Plotter defaults() {
        return (log, directory) -> LogPlotter.plot(List.of(log), directory, PlotOptions.defaults());
    }
}
