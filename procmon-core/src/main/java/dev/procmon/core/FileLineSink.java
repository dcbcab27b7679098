package dev.procmon.core;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.slf4j.event.Level;

/**
 * Appends lines to a stream, each after a TotalDepth-style {@link LinePrefix}, encoding the (pure
 * ASCII) line into a reused byte array: no allocation per line, and one {@code write} call per line
 * so a crash loses at most the line being written.
 *
 * <p>A write that fails (a full disk) may have written part of its line. The next write therefore
 * starts with a line break, so the cut line stays one malformed line of its own and the next
 * complete line is intact: a full disk costs only the lines written while it was full (plus, when
 * the failed write wrote nothing, one empty line).
 */
final class FileLineSink implements LineSink {

    private final OutputStream out;
    private final MonitorClock clock;
    private final LinePrefix prefix;
    private final StringBuilder head = new StringBuilder(64);
    private byte[] bytes = new byte[1024];
    private boolean resync;

    FileLineSink(OutputStream out, MonitorClock clock, Level level) {
        this.out = out;
        this.clock = clock;
        this.prefix = new LinePrefix(level);
    }

    static FileLineSink append(Path path, MonitorClock clock) throws IOException {
        return new FileLineSink(new FileOutputStream(path.toFile(), true), clock, Level.INFO);
    }

    @Override
    public void write(CharSequence line) throws IOException {
        head.setLength(0);
        if (resync) {
            head.append('\n');
        }
        prefix.append(clock.epochMicros(), head);
        int h = head.length();
        int n = h + line.length();
        if (bytes.length < n + 1) {
            bytes = new byte[Math.max(n + 1, bytes.length * 2)];
        }
        for (int i = 0; i < h; i++) {
            bytes[i] = ascii(head.charAt(i));
        }
        for (int i = h; i < n; i++) {
            bytes[i] = ascii(line.charAt(i - h));
        }
        bytes[n] = '\n';
        resync = true;
        out.write(bytes, 0, n + 1);
        resync = false;
    }

    private static byte ascii(char c) {
        return c < 0x80 ? (byte) c : (byte) '?';
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
