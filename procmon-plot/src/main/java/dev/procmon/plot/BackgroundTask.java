package dev.procmon.plot;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Work of the plot (writing a file, a summary) on a daemon thread of its own; {@link #join()} gives
 * its result or its failure.
 *
 * @param <T> the result
 */
final class BackgroundTask<T> {
    private final Thread thread;
    private @Nullable T result;
    private @Nullable IOException failure;
    private @Nullable RuntimeException crash;

    BackgroundTask(String name, IoSupplier<T> work) {
        thread = new Thread(
                () -> {
                    try {
                        result = work.get();
                    } catch (IOException e) {
                        failure = e;
                    } catch (RuntimeException e) {
                        crash = e;
                    }
                },
                "procmon-plot-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Waits for the thread without reporting its outcome (another failure is being reported). */
    void awaitQuietly() {
        try {
            join();
        } catch (IOException | RuntimeException ignored) {
            // the caller's failure is the one the user sees
        }
    }

    T join() throws IOException {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        if (crash != null) {
            throw crash;
        }
        if (result == null) {
            throw new IllegalStateException("a plot task ended without a result or a failure");
        }
        return result;
    }

    /** Work that gives a result or fails with an IOException. */
    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }
}
