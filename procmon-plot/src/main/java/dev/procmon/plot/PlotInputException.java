package dev.procmon.plot;

/**
 * The input cannot be plotted: a log file is missing, unreadable, a directory, corrupt gzip, or holds
 * no valid sample line. The message is one line that names the file (and the line where relevant).
 */
public final class PlotInputException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message one line naming the file */
    public PlotInputException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message one line naming the file
     * @param cause the underlying failure
     */
    public PlotInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
