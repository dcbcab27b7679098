package dev.procmon.cli;

import dev.procmon.plot.PlotResult;
import java.nio.file.Path;

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
}
