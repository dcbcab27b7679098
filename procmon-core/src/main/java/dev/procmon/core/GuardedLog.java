package dev.procmon.core;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor's own reports (failures, starvation), guarded: a logging backend that throws (Log4j2
 * with {@code ignoreExceptions="false"}, a custom provider) is swallowed here, so reporting a
 * failure can never become a failure of the host application.
 */
final class GuardedLog {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessMonitor.DEFAULT_LOGGER);

    private GuardedLog() {}

    static void warn(String format, @Nullable Object... args) {
        try {
            LOG.warn(format, args);
        } catch (Throwable ignored) {
            // The backend itself failed: there is nowhere left to report it.
        }
    }

    static void info(String format, Object... args) {
        try {
            LOG.info(format, args);
        } catch (Throwable ignored) {
            // As in warn().
        }
    }

    static void debug(String format, Object... args) {
        try {
            LOG.debug(format, args);
        } catch (Throwable ignored) {
            // As in warn().
        }
    }

    /** A one-line description of a failure that never throws itself (a hostile getMessage()). */
    static String describe(Throwable e) {
        try {
            String message = e.getMessage();
            return message == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + message;
        } catch (Throwable hostile) {
            return e.getClass().getName();
        }
    }
}
