package dev.procmon.plot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.procmon.core.LogField;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the JSON object of one sample line with Jackson's streaming parser into a {@link Sample}
 * and validates it as {@link LogField} says: the required fields ({@code elapsed_time},
 * {@code memory_info.rss}) must be there; a whole-number field ({@code rss}, {@code pid}) must be a
 * non-negative integer; every known number must be finite and non-negative, {@code null} only where
 * the field is nullable (then NaN); anything else makes the whole line malformed. {@code pid} is
 * optional (TotalDepth's lines have none, then {@link Sample#hasPid} is false and the caller decides).
 * Text fields of another type, and unknown keys, are skipped.
 */
// EnumOrdinal: the log fields index flat per-sample arrays by ordinal on purpose (no boxing, no map on the hot path).
@SuppressWarnings("EnumOrdinal")
final class SampleLineParser {

    /** One factory for all parsers: it owns the symbol table that canonicalises field names. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /** Thrown inside the parser to abandon a line; no stack trace, never escapes. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        // StaticAssignmentOfThrowable: one stackless, immutable instance, thrown per bad line without allocating.
        @SuppressWarnings("StaticAssignmentOfThrowable")
        private static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super(null, null, false, false);
        }
    }

    /** Parses the usual lines; whatever it does not fully understand comes here to Jackson. */
    private final SampleLineFastPath fastPath = new SampleLineFastPath();

    /**
     * Returns true if {@code bytes[offset, offset + length)} starts with a valid sample object, then
     * in {@code out}; false if malformed, truncated or invalid (never throws).
     */
    boolean parse(byte[] bytes, int offset, int length, Sample out) {
        return fastPath.parse(bytes, offset, offset + length, out) || parseWithJackson(bytes, offset, length, out);
    }

    /** {@link #parse} by Jackson alone: the reference the fast path must agree with. */
    boolean parseWithJackson(byte[] bytes, int offset, int length, Sample out) {
        out.reset();
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            members(p, TOP, out);
            if (p.currentToken() != JsonToken.END_OBJECT) {
                return false;
            }
        } catch (IOException | Malformed | RuntimeException e) {
            return false;
        }
        return SampleCheck.hasRequired(out);
    }

    /** The top-level fields and each object's members by key, from the schema. */
    private static final Map<String, LogField> TOP = byKey(LogField.topLevel());

    private static final List<Map<String, LogField>> MEMBERS =
            Arrays.stream(LogField.values()).map(f -> byKey(f.members())).toList();

    private static Map<String, LogField> byKey(List<LogField> fields) {
        Map<String, LogField> m = new HashMap<>();
        for (LogField f : fields) {
            m.put(f.key(), f);
        }
        return m;
    }

    /** Reads an object's members up to its end; members the schema does not know are skipped. */
    private static void members(JsonParser p, Map<String, LogField> known, Sample out) throws IOException, Malformed {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            LogField f = known.get(p.currentName());
            JsonToken v = p.nextToken();
            if (f == null) {
                p.skipChildren();
            } else {
                field(p, v, f, out);
            }
        }
    }

    /** One known field's value, validated as the schema says. */
    private static void field(JsonParser p, JsonToken v, LogField f, Sample out) throws IOException, Malformed {
        switch (f.kind()) {
            case OBJECT -> {
                if (v == JsonToken.VALUE_NULL && f.nullable()) {
                    return;
                }
                if (v != JsonToken.START_OBJECT) {
                    throw Malformed.INSTANCE;
                }
                members(p, MEMBERS.get(f.ordinal()), out);
            }
            case TIMESTAMP -> {
                out.timestampMicros = v == JsonToken.VALUE_STRING
                        ? TimestampText.parseMicros(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
                        : Sample.NO_TIMESTAMP;
                p.skipChildren();
            }
            case TEXT -> {
                if (v != JsonToken.VALUE_STRING) {
                    p.skipChildren();
                } else if (f == LogField.PHASE) {
                    out.phase = p.getText();
                } else {
                    out.label = p.getText();
                }
            }
            default -> number(p, v, f, out);
        }
    }

    /** A number: null only if nullable (then NaN); a whole number must be a non-negative long. */
    private static void number(JsonParser p, JsonToken v, LogField f, Sample out) throws IOException, Malformed {
        if (v == JsonToken.VALUE_NULL && f.nullable()) {
            out.set(f.ordinal(), Double.NaN);
            return;
        }
        if (f.wholeNumber()) {
            if (v != JsonToken.VALUE_NUMBER_INT
                    || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    || p.getLongValue() < 0) {
                throw Malformed.INSTANCE;
            }
            long n = p.getLongValue();
            out.set(f.ordinal(), (double) n);
            if (f == LogField.PID) {
                out.pid = n;
                out.hasPid = true;
            }
            return;
        }
        out.set(f.ordinal(), counter(p, v));
    }

    /** A finite non-negative number. */
    private static double counter(JsonParser p, JsonToken v) throws IOException, Malformed {
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
            throw Malformed.INSTANCE;
        }
        double d = p.getDoubleValue();
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw Malformed.INSTANCE;
        }
        return d;
    }
}
