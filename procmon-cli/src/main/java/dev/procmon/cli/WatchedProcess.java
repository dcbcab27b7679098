package dev.procmon.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process {@code record --pid} watches is still running. {@link ProcessHandle#isAlive()}
 * says yes for a zombie (exited, not yet reaped by its parent), which would be recorded as zeros
 * forever, so the state letter of {@code /proc/<pid>/stat} is read instead.
 */
final class WatchedProcess {

    /** What {@link #state} returns for a process that is gone. */
    static final char GONE = 0;

    private WatchedProcess() {
    }

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
}
