package dev.procmon.core;

import java.io.IOException;

/**
 * The sampled process has exited (its {@code /proc/<pid>} is gone or answers ESRCH). That is how
 * every recording of another process ends, so the monitor does not report it as a failure.
 */
final class ProcessGoneException extends IOException {

    private static final long serialVersionUID = 1L;

    ProcessGoneException(long pid, Throwable cause) {
        super("process " + pid + " has exited", cause);
    }
}
