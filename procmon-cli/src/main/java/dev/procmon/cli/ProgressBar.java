package dev.procmon.cli;

import dev.procmon.plot.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** {@code procmon plot}'s one-line bar on stderr, shown only once reading has taken more than a second. */
final class ProgressBar implements ProgressListener {

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private int lastPercent = -1;
    private boolean shown;

    private ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** A bar on {@code err} if stderr is a terminal, else null: a bar in a file or pipe is noise. */
    static @Nullable ProgressBar onTerminal(PrintWriter err) {
        return stderrIsTerminal() ? new ProgressBar(err) : null;
    }

    @Override
    public void progress(long bytesRead, long totalBytes) {
        if (System.nanoTime() - start < 1_000_000_000L || totalBytes <= 0) {
            return;
        }
        int percent = (int) Math.min(100, bytesRead * 100 / totalBytes);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        shown = true;
        int filled = percent * 40 / 100;
        err.print("\rreading [" + "#".repeat(filled) + " ".repeat(40 - filled) + "] " + percent + " %");
        err.flush();
    }

    /** Wipes the bar off its line, if it was shown. */
    void clear() {
        if (shown) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }

    /**
     * Tells whether the JVM has a terminal: before JDK 22 {@code System.console()} is null without one; from
     * JDK 22 it is never null and {@code Console.isTerminal()} (not in the Java 17 API) says so.
     */
    // SystemConsoleNull: the null check is the pre-22 answer; isTerminal() below is the 22+ one.
    @SuppressWarnings("SystemConsoleNull")
    private static boolean consoleIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException beforeJdk22) {
            return true;
        }
    }

    /**
     * Whether stderr, where the bar goes, is a terminal. On Linux /proc tells for fd 2 itself; elsewhere
     * {@code System.console()} (stdin and stdout) is the best Java 17 can say.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return consoleIsTerminal();
        }
    }
}
