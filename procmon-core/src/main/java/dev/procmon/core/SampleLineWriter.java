package dev.procmon.core;

import java.time.ZoneId;

/**
 * Formats one sample as the marker and a one-line JSON object into a reused buffer. The schema is
 * fixed and the line is written at every tick inside other people's programs, so it is hand-written
 * rather than built with a JSON library: no allocation in steady state, and the output is pure
 * ASCII (everything else is {@code \}u-escaped), so no label can break or forge a line.
 */
final class SampleLineWriter {

    /** Labels longer than this are cut (with an ellipsis) so one label cannot bloat the log. */
    static final int MAX_LABEL_LENGTH = 4096;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder line = new StringBuilder(512);
    private final LocalTimestampFormat timestamps;

    SampleLineWriter(ZoneId zone) {
        this.timestamps = new LocalTimestampFormat(zone);
    }

    /**
     * Formats a line; the returned builder is reused by the next call.
     *
     * @param label the label, or null
     * @param labelsDropped labels lost to a full queue since the last line (written when &gt; 0)
     */
    StringBuilder format(String marker, Sample s, long epochMicros, long elapsedNanos, String label,
                         long labelsDropped) {
        return format(marker, s, epochMicros, elapsedNanos, label, null, labelsDropped);
    }

    /**
     * As above, for a label that starts or ends a phase.
     *
     * @param phase {@code start} or {@code end} for a phase's label line, or null
     */
    StringBuilder format(String marker, Sample s, long epochMicros, long elapsedNanos, String label, String phase,
                         long labelsDropped) {
        StringBuilder b = line;
        b.setLength(0);
        b.append(marker).append(" {\"").append(LogFormat.TIMESTAMP).append("\": \"");
        timestamps.append(epochMicros, b);
        b.append("\", \"").append(LogFormat.MEMORY_INFO).append("\": {");
        boolean first = true;
        first = integer(b, first, LogFormat.RSS, s.rssBytes);
        first = integer(b, first, LogFormat.VMS, s.vmsBytes);
        first = integer(b, first, LogFormat.PFAULTS, s.pageFaults);
        integer(b, first, LogFormat.PAGEINS, s.majorFaults);
        b.append("}, \"").append(LogFormat.CPU_TIMES).append("\": {");
        first = true;
        first = seconds(b, first, LogFormat.USER, s.userMicros);
        first = seconds(b, first, LogFormat.SYSTEM, s.systemMicros);
        first = seconds(b, first, LogFormat.CHILDREN_USER, s.childrenUserMicros);
        seconds(b, first, LogFormat.CHILDREN_SYSTEM, s.childrenSystemMicros);
        b.append("}, ");
        seconds(b, true, LogFormat.ELAPSED_TIME, Math.max(0, elapsedNanos / 1_000));
        integer(b, false, LogFormat.PID, s.pid);
        if (s.numProcs > 0) {
            integer(b, false, LogFormat.NUM_PROCS, s.numProcs);
        }
        if (s.hasJvm) {
            b.append(", \"").append(LogFormat.JVM).append("\": {");
            first = true;
            first = integer(b, first, LogFormat.HEAP_USED, s.heapUsed);
            first = integer(b, first, LogFormat.HEAP_COMMITTED, s.heapCommitted);
            first = integer(b, first, LogFormat.NON_HEAP_USED, s.nonHeapUsed);
            first = integer(b, first, LogFormat.GC_COUNT, s.gcCount);
            first = seconds(b, first, LogFormat.GC_TIME, s.gcMillis * 1_000);
            integer(b, first, LogFormat.THREADS, s.threads);
            b.append('}');
        }
        if (labelsDropped > 0) {
            integer(b, false, LogFormat.LABELS_DROPPED, labelsDropped);
        }
        if (label != null) {
            key(b, false, LogFormat.LABEL);
            string(b, label);
            if (phase != null) {
                key(b, false, LogFormat.PHASE);
                string(b, phase);
            }
        }
        return b.append('}');
    }

    private static void key(StringBuilder b, boolean first, String key) {
        if (!first) {
            b.append(", ");
        }
        b.append('"').append(key).append("\": ");
    }

    /** Appends {@code "key": value}, or nothing when the value is unknown; returns the new "first". */
    private static boolean integer(StringBuilder b, boolean first, String key, long value) {
        if (value < 0) {
            return first;
        }
        key(b, first, key);
        b.append(value);
        return false;
    }

    /** Appends microseconds as seconds with up to six decimals ({@code 0.0}, {@code 12.427716}). */
    private static boolean seconds(StringBuilder b, boolean first, String key, long micros) {
        if (micros < 0) {
            return first;
        }
        key(b, first, key);
        b.append(micros / 1_000_000).append('.');
        int fraction = (int) (micros % 1_000_000);
        int digits = 6;
        while (digits > 1 && fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        for (int divisor = pow10(digits - 1); divisor > 0; divisor /= 10) {
            b.append((char) ('0' + fraction / divisor % 10));
        }
        return false;
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    /** A JSON string in pure ASCII: quotes, backslashes, controls and all non-ASCII are escaped. */
    static void string(StringBuilder b, String text) {
        b.append('"');
        int length = Math.min(text.length(), MAX_LABEL_LENGTH);
        if (length < text.length() && Character.isHighSurrogate(text.charAt(length - 1))) {
            length--;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        if (length < text.length()) {
            b.append("\\u2026");
        }
        b.append('"');
    }
}
