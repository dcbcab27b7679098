package dev.procmon.plot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.procmon.core.LogFormat;
import java.io.IOException;
import java.util.Set;

/**
 * Parses the JSON object of one sample line with Jackson's streaming parser into a {@link Sample}
 * and validates it: a finite non-negative {@code elapsed_time} and a non-negative integer
 * {@code memory_info.rss} are required; {@code pid} is optional (TotalDepth's lines have none, then
 * {@link Sample#hasPid} is false and the caller decides) but if present must be a non-negative
 * integer; any known counter that is negative,
 * non-finite or not a number makes the whole line malformed. Unknown keys are skipped.
 */
final class SampleLineParser {

    /** The phase key of a label line (fixed in SHARED-DECISIONS; the schema stream will define it once). */
    static final String PHASE = "phase";

    /** One factory for all parsers: it owns the symbol table that canonicalises field names. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /** Thrown inside the parser to abandon a line; no stack trace, never escapes. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super(null, null, false, false);
        }
    }

    /** Parses the usual lines; whatever it does not fully understand comes here to Jackson. */
    private final SampleLineFastPath fastPath = new SampleLineFastPath();

    /**
     * @return true if {@code bytes[offset, offset + length)} starts with a valid sample object, then
     *     in {@code out}; false if malformed, truncated or invalid (never throws)
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
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case LogFormat.PID:
                        if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                            return false;
                        }
                        out.pid = p.getLongValue();
                        if (out.pid < 0) {
                            return false;
                        }
                        out.hasPid = true;
                        break;
                    case LogFormat.ELAPSED_TIME:
                        out.elapsed = counter(p, v);
                        break;
                    case LogFormat.TIMESTAMP:
                        out.timestampMicros = v == JsonToken.VALUE_STRING
                                ? TimestampText.parseMicros(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
                                : Sample.NO_TIMESTAMP;
                        p.skipChildren();
                        break;
                    case LogFormat.MEMORY_INFO:
                        nested(p, v, MEMORY_KEYS, out);
                        break;
                    case LogFormat.CPU_TIMES:
                        nested(p, v, CPU_KEYS, out);
                        break;
                    case LogFormat.JVM:
                        nested(p, v, JVM_KEYS, out);
                        break;
                    case LogFormat.LABEL:
                        if (v == JsonToken.VALUE_STRING) {
                            out.label = p.getText();
                        } else {
                            p.skipChildren();
                        }
                        break;
                    case PHASE:
                        if (v == JsonToken.VALUE_STRING) {
                            out.phase = p.getText();
                        } else {
                            p.skipChildren();
                        }
                        break;
                    case LogFormat.LABELS_DROPPED:
                    case LogFormat.NUM_PROCS:
                        if (v != JsonToken.VALUE_NULL) {
                            counter(p, v);
                        }
                        break;
                    default:
                        p.skipChildren();
                        break;
                }
            }
            if (t != JsonToken.END_OBJECT) {
                return false;
            }
        } catch (IOException | Malformed | RuntimeException e) {
            return false;
        }
        return !Double.isNaN(out.elapsed) && !Double.isNaN(out.rss);
    }

    /** The members each nested object knows; any other member is skipped, whatever its value. */
    private static final Set<String> MEMORY_KEYS = Set.of(LogFormat.RSS, LogFormat.VMS, LogFormat.PFAULTS, LogFormat.PAGEINS);
    private static final Set<String> CPU_KEYS = Set.of(LogFormat.USER, LogFormat.SYSTEM, LogFormat.CHILDREN_USER,
            LogFormat.CHILDREN_SYSTEM);
    private static final Set<String> JVM_KEYS = Set.of(LogFormat.HEAP_USED, LogFormat.HEAP_COMMITTED,
            LogFormat.NON_HEAP_USED, LogFormat.GC_COUNT, LogFormat.GC_TIME, LogFormat.THREADS);

    /**
     * One of the nested objects ({@code memory_info}, which may not be null, {@code cpu_times},
     * {@code jvm}): rss must be a non-negative integer, every other known member an optional counter.
     */
    private static void nested(JsonParser p, JsonToken start, Set<String> keys, Sample out) throws IOException, Malformed {
        if (start == JsonToken.VALUE_NULL && keys != MEMORY_KEYS) {
            return;
        }
        if (start != JsonToken.START_OBJECT) {
            throw Malformed.INSTANCE;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (!keys.contains(name)) {
                p.skipChildren();
                continue;
            }
            switch (name) {
                case LogFormat.RSS:
                    if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            || p.getLongValue() < 0) {
                        throw Malformed.INSTANCE;
                    }
                    out.rss = p.getLongValue();
                    break;
                case LogFormat.PFAULTS:
                    out.pfaults = optionalCounter(p, v);
                    break;
                case LogFormat.USER:
                    out.user = optionalCounter(p, v);
                    break;
                case LogFormat.SYSTEM:
                    out.system = optionalCounter(p, v);
                    break;
                case LogFormat.CHILDREN_USER:
                    out.childrenUser = optionalCounter(p, v);
                    break;
                case LogFormat.CHILDREN_SYSTEM:
                    out.childrenSystem = optionalCounter(p, v);
                    break;
                case LogFormat.GC_TIME:
                    out.gcTime = optionalCounter(p, v);
                    break;
                case LogFormat.HEAP_USED:
                    out.heapUsed = optionalCounter(p, v);
                    break;
                default:
                    optionalCounter(p, v);
                    break;
            }
        }
    }

    /** A counter that may be null (then NaN) but otherwise must be a finite non-negative number. */
    private static double optionalCounter(JsonParser p, JsonToken v) throws IOException, Malformed {
        return v == JsonToken.VALUE_NULL ? Double.NaN : counter(p, v);
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
