package dev.procmon.plot;

import dev.procmon.core.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines (LF or CRLF) and hands on the JSON part of each line that
 * contains the marker; other lines are skipped without building a String. Lines longer than
 * {@link #MAX_LINE} bytes are skipped too, and reported as malformed if they hold the marker.
 */
final class LogScanner {

    /** Lines longer than this are not parsed. */
    static final int MAX_LINE = 4 << 20;

    private static final byte[] MARKER = LogFormat.MARKER.getBytes(StandardCharsets.US_ASCII);

    /** Receives the lines that carry the marker. */
    interface Sink {
        /** A line with the marker and a '{' after it; the view is reused for the next line. */
        void sampleLine(MarkedLine line);

        /** The line has the marker but no JSON object, or is too long to parse. */
        void malformedLine(long lineNumber);
    }

    private byte[] buffer = new byte[1 << 18];
    private final MarkedLine view = new MarkedLine();
    /** Bytes of the stream before {@code buffer[0]}. */
    private long bufferOffset;
    /** Lines ended by a newline so far, in the last {@link #scan}. */
    private long lines;

    /** Reads {@code in} to its end. */
    void scan(InputStream in, Sink sink) throws IOException {
        scan(in, sink, false);
    }

    /**
     * Reads {@code in} to its end, or, if {@code stopAtOverlong}, to the first line longer than
     * {@link #MAX_LINE} (a device such as {@code /dev/zero} or {@code /dev/full} is one endless line).
     *
     * @return true if it stopped at an overlong line
     */
    boolean scan(InputStream in, Sink sink, boolean stopAtOverlong) throws IOException {
        int start = 0;
        int end = 0;
        long lineNumber = 0;
        bufferOffset = 0;
        // A line longer than MAX_LINE is skipped chunk by chunk; it is malformed if the marker is
        // anywhere in it, also past the first MAX_LINE bytes or across a chunk boundary.
        boolean skipping = false;
        boolean skippedReported = false;
        while (true) {
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                break;
            }
            end += n;
            int pos = start;
            int nl;
            while ((nl = ByteSearch.indexOf(buffer, pos, end, (byte) '\n')) >= 0) {
                lineNumber++;
                if (skipping) {
                    if (!skippedReported && ByteSearch.marker(buffer, start, nl) >= 0) {
                        sink.malformedLine(lineNumber);
                    }
                    skipping = false;
                } else {
                    line(buffer, start, nl, lineNumber, sink);
                }
                start = nl + 1;
                pos = start;
            }
            if (start > 0) {
                bufferOffset += start;
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                if (buffer.length < MAX_LINE) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                } else {
                    if (!skipping) {
                        skipping = true;
                        skippedReported = false;
                    }
                    if (!skippedReported && ByteSearch.marker(buffer, 0, end) >= 0) {
                        sink.malformedLine(lineNumber + 1);
                        skippedReported = true;
                    }
                    if (stopAtOverlong) {
                        lines = lineNumber;
                        return true;
                    }
                    // Keep what could be the start of a marker that the next chunk completes.
                    int keep = MARKER.length - 1;
                    bufferOffset += end - keep;
                    System.arraycopy(buffer, end - keep, buffer, 0, keep);
                    end = keep;
                }
            }
        }
        if (end > start) {
            if (!skipping) {
                line(buffer, start, end, lineNumber + 1, sink);
            } else if (!skippedReported && ByteSearch.marker(buffer, start, end) >= 0) {
                sink.malformedLine(lineNumber + 1);
            }
        }
        lines = lineNumber;
        return false;
    }

    /** Returns the lines ended by a newline that the last {@link #scan} read. */
    long lines() {
        return lines;
    }

    private void line(byte[] b, int from, int to, long lineNumber, Sink sink) {
        int nextLine = to + 1;
        int m = ByteSearch.marker(b, from, to);
        if (m < 0) {
            return;
        }
        if (to > from && b[to - 1] == '\r') {
            to--;
        }
        int brace = ByteSearch.indexOf(b, m + MARKER.length, to, (byte) '{');
        if (brace < 0) {
            sink.malformedLine(lineNumber);
        } else {
            sink.sampleLine(view.set(b, from, m, brace, to, lineNumber, bufferOffset + nextLine));
        }
    }
}
