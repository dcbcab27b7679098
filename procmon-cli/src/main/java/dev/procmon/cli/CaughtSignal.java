package dev.procmon.cli;

/**
 * The SIGINT or SIGTERM that ended a recording ({@code record}, {@code attach}): caught through
 * {@link TerminationSignals} while the recording runs, if the command is to catch them at all (tests
 * in a shared JVM leave its signals alone), and remembered for the exit code, 128 + its number.
 */
final class CaughtSignal {

    private final boolean trap;
    /** The signal's number, else 0. Volatile: set on the signal's thread, read by the recording's. */
    private volatile int number;

    CaughtSignal(boolean trap) {
        this.trap = trap;
    }

    /** Catches SIGINT and SIGTERM until closed: remembers which came, then runs {@code onSignal}. */
    TerminationSignals trap(Runnable onSignal) {
        return trap
                ? TerminationSignals.trap(n -> {
                    number = n;
                    onSignal.run();
                })
                : TerminationSignals.NONE;
    }

    /** Whether a signal has come. */
    boolean caught() {
        return number != 0;
    }

    /** 128 + the signal's number, as a shell gives, if one came; else {@code otherwise}. */
    int exitCode(int otherwise) {
        int n = number;
        return n != 0 ? 128 + n : otherwise;
    }
}
