package dev.procmon.plot;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Writes one file on a thread of its own; {@link #join()} gives its path or its failure. */
final class FileTask {
    private final Thread thread;
    private @Nullable Path path;
    private @Nullable IOException failure;
    private @Nullable RuntimeException crash;

    FileTask(String name, IoSupplier work) {
        thread = new Thread(
                () -> {
                    try {
                        path = work.get();
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

    Path join() throws IOException {
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
        if (path == null) {
            throw new IllegalStateException("the task writing a file ended without the file or a failure");
        }
        return path;
    }

    /** Work that gives a path or fails with an IOException. */
    @FunctionalInterface
    interface IoSupplier {
        Path get() throws IOException;
    }
}
