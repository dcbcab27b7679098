package dev.procmon.core;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Formats one sample as the marker and a one-line JSON object into a reused buffer. The schema is
 * fixed and the line is written at every tick inside other people's programs, so it is hand-written
 * rather than built with a JSON library: no allocation in steady state, and the output is pure
 * ASCII (everything else is {@code \}u-escaped), so no label can break or forge a line.
 */
final class SampleLineWriter {

    /** Labels longer than this are cut (with an ellipsis) so one label cannot bloat the log. */
    static final int MAX_LABEL_LENGTH = 4096;

    private final StringBuilder line = new StringBuilder(512);
    private final LocalTimestampFormat timestamps;

    SampleLineWriter(ZoneId zone) {
        this.timestamps = new LocalTimestampFormat(zone);
    }

    /** The schema as arrays, so the per-sample loop allocates no iterator. */
    private static final LogField[] TOP = LogField.topLevel().toArray(new LogField[0]);

    private static final LogField[][] MEMBERS = new LogField[TOP.length][];

    static {
        for (int i = 0; i < TOP.length; i++) {
            MEMBERS[i] = TOP[i].members().toArray(new LogField[0]);
        }
    }

    /**
     * Formats a line; the returned builder is reused by the next call.
     *
     * @param label the label, or null
     * @param labelsDropped labels lost to a full queue since the last line (written when &gt; 0)
     */
    StringBuilder format(
            String marker,
            ProcessReading s,
            long epochMicros,
            long elapsedNanos,
            @Nullable String label,
            long labelsDropped) {
        return format(marker, s, epochMicros, elapsedNanos, label, null, labelsDropped);
    }

    /**
     * Formats a line, walking {@link LogField} in write order; the returned builder is reused by the
     * next call. A field whose value is unknown is left out; an object is left out when none of its
     * members is known, unless it is {@link LogField#alwaysWritten()}.
     *
     * @param label the label, or null
     * @param phase {@link LogFormat#PHASE_START} or {@link LogFormat#PHASE_END} on a phase's label line,
     *     else null (the parameter order of the monitor stream's phase API)
     * @param labelsDropped labels lost to a full queue since the last line (written when &gt; 0)
     */
    StringBuilder format(
            String marker,
            ProcessReading s,
            long epochMicros,
            long elapsedNanos,
            @Nullable String label,
            @Nullable String phase,
            long labelsDropped) {
        StringBuilder b = line;
        b.setLength(0);
        b.append(marker).append(" {");
        boolean first = true;
        for (int i = 0; i < TOP.length; i++) {
            LogField f = TOP[i];
            switch (f) {
                case TIMESTAMP -> {
                    key(b, first, f.key());
                    b.append('"');
                    timestamps.append(epochMicros, b);
                    b.append('"');
                    first = false;
                }
                case ELAPSED_TIME -> first = seconds(b, first, f.key(), Math.max(0, elapsedNanos / 1_000));
                case LABELS_DROPPED -> first = integer(b, first, f.key(), labelsDropped > 0 ? labelsDropped : -1);
                case LABEL -> first = text(b, first, f.key(), label);
                case PHASE -> first = text(b, first, f.key(), label == null ? null : phase);
                default ->
                    first = f.kind() == FieldKind.OBJECT ? object(b, first, f, MEMBERS[i], s) : value(b, first, f, s);
            }
        }
        return b.append('}');
    }

    private static boolean object(
            StringBuilder b, boolean first, LogField object, LogField[] members, ProcessReading s) {
        if (!object.alwaysWritten() && !anyKnown(members, s)) {
            return first;
        }
        key(b, first, object.key());
        b.append('{');
        boolean firstMember = true;
        for (LogField m : members) {
            firstMember = value(b, firstMember, m, s);
        }
        b.append('}');
        return false;
    }

    private static boolean anyKnown(LogField[] members, ProcessReading s) {
        for (LogField m : members) {
            if (m.valueIn(s) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean value(StringBuilder b, boolean first, LogField f, ProcessReading s) {
        long v = f.valueIn(s);
        return f.kind() == FieldKind.SECONDS ? seconds(b, first, f.key(), v) : integer(b, first, f.key(), v);
    }

    private static boolean text(StringBuilder b, boolean first, String key, @Nullable String text) {
        if (text == null) {
            return first;
        }
        key(b, first, key);
        AsciiJson.string(b, text, MAX_LABEL_LENGTH);
        return false;
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
        AsciiJson.seconds(b, micros);
        return false;
    }
}
