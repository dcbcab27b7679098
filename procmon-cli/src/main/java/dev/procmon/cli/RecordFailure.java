package dev.procmon.cli;

/** Why {@code procmon record} cannot do its job: one line for the user, and the exit code. */
final class RecordFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** The exit code for an error. */
    static final int EXIT_ERROR = 1;
    /** The exit code when the command cannot be started, as a shell gives. */
    static final int EXIT_CANNOT_RUN = 127;

    private final int exitCode;

    RecordFailure(String message) {
        this(message, EXIT_ERROR);
    }

    RecordFailure(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
