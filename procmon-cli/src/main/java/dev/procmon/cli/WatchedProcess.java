package dev.procmon.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Whether a process {@code record --pid} watches is still running. {@link ProcessHandle#isAlive()}
 * says yes for a zombie (exited, not yet reaped by its parent), which would be recorded as zeros
 * forever, so the state letter of {@code /proc/<pid>/stat} is read instead.
 */
final class WatchedProcess {

    /**
     * How often the state is read. ProcessHandle.onExit() polls a process that is not our child
     * every few seconds: too coarse for a recording's end.
     */
    private static final long POLL_MILLIS = 20;

    /** What {@link #state} returns for a process that is gone. */
    static final char GONE = 0;

    private WatchedProcess() {}

    /** The state letter of field 3 ({@code R}, {@code S}, {@code Z}...), or {@link #GONE}. */
    static char state(Path procRoot, long pid) {
        byte[] stat;
        try {
            stat = Files.readAllBytes(procRoot.resolve(Long.toString(pid)).resolve("stat"));
        } catch (IOException e) {
            return GONE;
        }
        String line = new String(stat, StandardCharsets.US_ASCII);
        // The name in parentheses may itself hold any character, so count from the last ')'.
        int close = line.lastIndexOf(')');
        return close < 0 || close + 2 >= line.length() ? GONE : line.charAt(close + 2);
    }

    /** Whether the process exists and has not exited (a zombie or a dead task has). */
    static boolean running(Path procRoot, long pid) {
        char state = state(procRoot, pid);
        return state != GONE && state != 'Z' && state != 'X' && state != 'x';
    }

    /**
     * Waits until the process is no longer {@link #running}, {@code limit} (if not null) has passed,
     * or {@code stop} says so; an interrupt ends the wait too (and is kept).
     *
     * @return whether the process exited
     */
    static boolean awaitExit(Path procRoot, long pid, @Nullable Duration limit, BooleanSupplier stop) {
        long deadline = limit == null ? 0 : System.nanoTime() + limit.toNanos();
        try {
            while (!stop.getAsBoolean() && (limit == null || System.nanoTime() - deadline < 0)) {
                if (!running(procRoot, pid)) {
                    return true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
