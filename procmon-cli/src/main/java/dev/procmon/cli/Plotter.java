package dev.procmon.cli;

import java.nio.file.Path;

/**
 * Renders the plots of a finished log into a directory: the seam between {@code procmon record
 * --plot} and the procmon-plot library, which is wired in where {@link RecordCommand} is created.
 */
@FunctionalInterface
interface Plotter {

    /** What {@link RecordCommand#RecordCommand()} uses until procmon-plot is wired in. */
    Plotter NOT_AVAILABLE = (log, directory) -> {
        throw new UnsupportedOperationException("plotting is not available in this build");
    };

    /**
     * Renders the plots of {@code log} into {@code directory}, which exists.
     *
     * @throws Exception any failure; its message is shown to the user as one line
     */
    void plot(Path log, Path directory) throws Exception;
}
