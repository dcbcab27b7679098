package dev.procmon.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command {@code procmon record -- CMD} runs: started with inherited stdin, stdout and stderr,
 * waited for, and stopped on request with SIGTERM, then SIGKILL after a grace period.
 */
final class LaunchedCommand {

    /** How long a terminated command gets to exit before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final Duration grace;

    private LaunchedCommand(Process process, Duration grace) {
        this.process = process;
        this.grace = grace;
    }

    /** Starts {@code command}; the exception names what cannot be run. */
    static LaunchedCommand start(List<String> command, Duration grace) throws IOException {
        return new LaunchedCommand(new ProcessBuilder(command).inheritIO().start(), grace);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for the command to exit (which reaps it) and returns its exit code; the JDK already gives
     * 128+N for a command killed by signal N, as a shell does. An interrupt is passed on to the command
     * as SIGTERM and the wait goes on; the caller's interrupt status is kept.
     */
    int waitFor() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                    process.destroy();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Sends SIGTERM, waits up to the grace period, then sends SIGKILL and waits as long again. Safe
     * to call from any thread, more than once, and after the command has exited.
     */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        boolean interrupted = false;
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
