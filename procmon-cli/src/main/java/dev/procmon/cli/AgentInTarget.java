package dev.procmon.cli;

import dev.procmon.core.LogFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code procmon attach --agent}: procmon's own agent loaded into the target JVM, which writes the log
 * itself; this side only starts it, waits for its STOP line and, if the recording ends first, stops it.
 */
final class AgentInTarget {

    private static final long POLL_MILLIS = 20;
    /** How long past its last interval the agent's own timer may take to write the STOP line. */
    private static final long STOP_SLACK_NANOS = 5_000_000_000L;

    private final JvmTarget target;
    private final Path jar;
    private final Path log;

    private AgentInTarget(JvmTarget target, Path jar, Path log) {
        this.target = target;
        this.jar = jar;
        this.log = log;
    }

    /**
     * Loads the agent into {@code target}, writing {@code log}; with a {@code duration} the agent
     * stops itself, so that JDK 21+ warns once (JEP 451), not twice.
     */
    static AgentInTarget start(JvmTarget target, Path log, Duration interval, @Nullable Duration duration)
            throws IOException {
        Path jar = JvmTarget.procmonJar();
        target.loadAgent(
                jar,
                "file=" + log.toAbsolutePath() + ",interval=" + seconds(interval)
                        + (duration == null ? "" : ",duration=" + seconds(duration)));
        return new AgentInTarget(target, jar, log);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.6f", d.toNanos() / 1e9);
    }

    /**
     * After a {@code --duration}: waits, an interval and some slack at most, for the agent's own timer
     * to write the STOP line, until {@code end} says to stop waiting (the JVM exited, a signal came). An
     * interrupt ends the wait too (and is kept).
     */
    void awaitStopLine(Duration interval, BooleanSupplier end) {
        long until = System.nanoTime() + interval.toNanos() + STOP_SLACK_NANOS;
        try {
            while (!end.getAsBoolean() && !endsWithStop(log) && System.nanoTime() - until < 0) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the agent, unless it has written its STOP line or its JVM is gone. */
    void stop(long pid) throws IOException {
        if (!endsWithStop(log)
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            target.loadAgent(jar, "stop");
        }
    }

    /** Whether the last line of {@code log} is a STOP line (an agent in the target has closed). */
    static boolean endsWithStop(Path log) {
        try (SeekableByteChannel c = Files.newByteChannel(log)) {
            long size = c.size();
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, 64 * 1024));
            c.position(size - tail.capacity());
            while (tail.hasRemaining() && c.read(tail) > 0) {
                // Read the tail whole.
            }
            String text = new String(tail.array(), 0, tail.position(), StandardCharsets.US_ASCII).stripTrailing();
            int last = text.lastIndexOf('\n');
            return text.substring(last + 1).contains(LogFormat.MARKER_STOP);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
