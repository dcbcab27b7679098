package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A hand-written parser for the sample object as procmon and TotalDepth write it: ASCII, one JSON
 * object of known keys with plain non-negative numbers, {@code null}s, simple strings and the nested
 * {@code memory_info}, {@code cpu_times} and {@code jvm} objects.
 *
 * <p>Why hand-written: this runs once per sample line, the hot path of reading a log (issue 7,
 * item 4), and a general JSON parser spent most of the extract time on it. It is only a shortcut:
 * it says yes ({@code true}, {@code out} filled) only for a line it understood completely and that is
 * valid; on anything else - a negative number, an exponent, a duplicate key, an escape in a key,
 * non-ASCII bytes, an unexpected value type, a missing required key, a number too long - it says no
 * and {@link SampleLineParser} parses the line again with Jackson, which decides. So its results
 * must equal Jackson's wherever it says yes ({@code SampleLineFastPathTest} checks that).
 */
// EnumOrdinal: the log fields index flat per-sample arrays by ordinal on purpose (no boxing, no map on the hot path).
@SuppressWarnings("EnumOrdinal")
final class SampleLineFastPath {

    /** Returned by the scanning helpers instead of a position: give the line to Jackson. */
    private static final int DEFER = -1;
    /** Longer number text than this is left to Jackson (its own limit is 1000 characters). */
    private static final int MAX_NUMBER_TEXT = 64;
    /** Longer keys than this are left to Jackson (its own limit on names). */
    private static final int MAX_KEY = 64;
    /** Integers with more digits may not fit a long: left to Jackson. */
    private static final int MAX_LONG_DIGITS = 18;
    /** Below this a long is an exact double. */
    private static final long EXACT_MANTISSA = 1L << 53;
    /** Powers of ten that are exact doubles; m / 10^k is then correctly rounded for m &lt; 2^53. */
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    };

    /** Declared before the {@link Keys} tables, whose constructor uses it (as is MAX_KEY). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Returned by {@link #id} for a key the schema does not know. */
    private static final int K_UNKNOWN = -1;

    /** What a key's value is, from its field in the schema. */
    private static final int T_NUMBER = 0;

    private static final int T_WHOLE = 1;
    private static final int T_PID = 2;
    private static final int T_OBJECT = 3;
    private static final int T_TIMESTAMP = 4;
    private static final int T_LABEL = 5;
    private static final int T_PHASE = 6;

    /**
     * The key tables, from the schema: the top level's, and each object's by its ordinal. Keys are in
     * write order, so the key after key k is looked for first at k + 1.
     */
    private static final Keys TOP = new Keys(LogField.topLevel());

    private static final Keys[] MEMBERS =
            Arrays.stream(LogField.values()).map(f -> new Keys(f.members())).toArray(Keys[]::new);

    /**
     * The keys of one object, each also as {@code key"} in up to three little-endian words (head,
     * middle for keys past 16 bytes, tail), so the expected key is recognised with two or three long
     * compares.
     */
    private static final class Keys {
        final LogField[] fields;
        /** Per key, what its value is ({@link #T_NUMBER} ...), its field's ordinal and flags: read per value. */
        final int[] type;

        final int[] slot;
        final boolean[] nullable;
        final byte[][] keys;
        final int[] length;
        /** Bytes that must be there to compare: max(16, length). */
        final int[] need;

        final long[] head;
        final long[] headMask;
        final long[] mid;
        final long[] tail;

        Keys(List<LogField> fields) {
            this.fields = fields.toArray(new LogField[0]);
            int n = this.fields.length;
            if (n > Integer.SIZE) {
                throw new IllegalArgumentException("more keys than the seen mask holds");
            }
            keys = new byte[n][];
            type = new int[n];
            slot = new int[n];
            nullable = new boolean[n];
            length = new int[n];
            need = new int[n];
            head = new long[n];
            headMask = new long[n];
            mid = new long[n];
            tail = new long[n];
            for (int k = 0; k < n; k++) {
                LogField f = this.fields[k];
                type[k] = f == LogField.PID
                        ? T_PID
                        : f == LogField.PHASE
                                ? T_PHASE
                                : switch (f.kind()) {
                                    case OBJECT -> T_OBJECT;
                                    case TIMESTAMP -> T_TIMESTAMP;
                                    case TEXT -> T_LABEL;
                                    default -> f.wholeNumber() ? T_WHOLE : T_NUMBER;
                                };
                slot[k] = f.ordinal();
                nullable[k] = f.nullable();
                keys[k] = f.key().getBytes(StandardCharsets.US_ASCII);
                byte[] q = Arrays.copyOf(keys[k], keys[k].length + 1);
                q[q.length - 1] = '"';
                if (q.length > MAX_KEY) {
                    throw new IllegalArgumentException("key too long");
                }
                length[k] = q.length;
                // Past three words no fast compare: such a key is found by the byte loop of key().
                need[k] = q.length > 3 * Long.BYTES ? Integer.MAX_VALUE / 2 : Math.max(2 * Long.BYTES, q.length);
                byte[] padded = Arrays.copyOf(q, 3 * Long.BYTES);
                head[k] = (long) LONGS.get(padded, 0);
                headMask[k] = q.length >= Long.BYTES ? -1L : (1L << (8 * q.length)) - 1;
                head[k] &= headMask[k];
                mid[k] = (long) LONGS.get(padded, Long.BYTES);
                tail[k] = q.length > Long.BYTES ? (long) LONGS.get(q, q.length - Long.BYTES) : 0;
            }
        }

        /** Whether {@code b[from, from + length[k])} is key k and its closing quote. */
        boolean at(byte[] b, int from, int to, int k) {
            int len = length[k];
            if (from + need[k] > to || ((long) LONGS.get(b, from) & headMask[k]) != head[k]) {
                return false;
            }
            if (len <= Long.BYTES) {
                return true;
            }
            if (len > 2 * Long.BYTES && (long) LONGS.get(b, from + Long.BYTES) != mid[k]) {
                return false;
            }
            return (long) LONGS.get(b, from + len - Long.BYTES) == tail[k];
        }
    }

    /** The last number read: its value, whether it was an integer token, and (then) as a long. */
    private double number;

    private boolean integer;
    private long longValue;
    /** The last key's index in its {@link Keys}, or {@link #K_UNKNOWN}. */
    private int keyId;
    /** The last string value, decoded (only when asked for). */
    private @Nullable String text;

    private final char[] chars = new char[32];
    /** The last date's day number: consecutive samples share their date. */
    private final EpochDays days = new EpochDays();

    private int charCount;
    private final StringBuilder unescaped = new StringBuilder(64);

    /**
     * Returns true if {@code b[from, to)} is a sample object this parser fully understood and that is
     * valid, then in {@code out}; false if the line must be parsed by Jackson ({@code out} is then
     * garbage).
     */
    boolean parse(byte[] b, int from, int to, Sample out) {
        out.reset();
        int i = ws(b, from, to);
        if (i >= to || b[i] != '{') {
            return false;
        }
        int seen = 0;
        int hint = 0;
        i = ws(b, i + 1, to);
        while (true) {
            i = key(b, i, to, TOP, hint);
            if (i == DEFER) {
                return false;
            }
            int k = keyId;
            hint = k + 1;
            if (k >= 0) {
                if ((seen & 1 << k) != 0) {
                    return false;
                }
                seen |= 1 << k;
                i = field(b, i, to, TOP, k, out);
            } else {
                i = skipScalar(b, i, to);
            }
            if (i == DEFER) {
                return false;
            }
            i = ws(b, i, to);
            if (i >= to) {
                return false;
            }
            if (b[i] == '}') {
                break;
            }
            if (b[i] != ',') {
                return false;
            }
            i = ws(b, i + 1, to);
        }
        // What follows the object is ignored, as SampleLineParser does. The pid is optional (TotalDepth's
        // 2019 lines have none; the caller takes it from the text before the marker), as there.
        return SampleCheck.hasRequired(out);
    }

    /** Key k's value, as the schema says; returns the position after it, or {@link #DEFER}. */
    private int field(byte[] b, int i, int to, Keys keys, int k, Sample out) {
        int type = keys.type[k];
        if (type <= T_PID) {
            i = keys.nullable[k] ? optionalNumber(b, i, to) : number(b, i, to);
            if (i == DEFER) {
                return DEFER;
            }
            if (type != T_NUMBER && !Double.isNaN(number)) { // NaN: a nullable field's null
                if (!integer) {
                    return DEFER;
                }
                if (type == T_PID) {
                    out.pid = longValue;
                    out.hasPid = true;
                }
            }
            out.set(keys.slot[k], number);
            return i;
        }
        switch (type) {
            case T_OBJECT -> {
                if (isNull(b, i, to)) {
                    return keys.nullable[k] ? i + 4 : DEFER;
                }
                return nested(b, i, to, MEMBERS[keys.slot[k]], out);
            }
            case T_TIMESTAMP -> {
                i = string(b, i, to, false);
                if (i != DEFER) {
                    out.timestampMicros = TimestampText.parseMicros(chars, 0, charCount, days);
                }
                return i;
            }
            default -> {
                i = string(b, i, to, true);
                if (type == T_PHASE) {
                    out.phase = text;
                } else {
                    out.label = text;
                }
                return i;
            }
        }
    }

    /** One of the nested objects ({@code memory_info}, {@code cpu_times}, {@code jvm}, ...). */
    private int nested(byte[] b, int i, int to, Keys keys, Sample out) {
        if (i >= to || b[i] != '{') {
            return DEFER;
        }
        int seen = 0;
        int hint = 0;
        i = ws(b, i + 1, to);
        if (i < to && b[i] == '}') {
            return i + 1; // {}: the writer's cpu_times when no CPU figure is known
        }
        while (true) {
            i = key(b, i, to, keys, hint);
            if (i == DEFER) {
                return DEFER;
            }
            int k = keyId;
            hint = k + 1;
            if (k >= 0) {
                if ((seen & 1 << k) != 0) {
                    return DEFER;
                }
                seen |= 1 << k;
                i = field(b, i, to, keys, k, out);
            } else {
                i = skipScalar(b, i, to);
            }
            i = next(b, i, to);
            if (i == DEFER || b[i - 1] == '}') {
                return i;
            }
        }
    }

    /**
     * After a member's value of a nested object: skips to the next key (past {@code ,}) or past the
     * closing {@code }}.
     */
    private static int next(byte[] b, int i, int to) {
        if (i == DEFER) {
            return DEFER;
        }
        // The writers' ", " before the next key: the usual case, without ws().
        if (i + 2 < to && b[i] == ',' && b[i + 1] == ' ' && b[i + 2] == '"') {
            return i + 2;
        }
        i = ws(b, i, to);
        if (i >= to) {
            return DEFER;
        }
        if (b[i] == '}') {
            return i + 1;
        }
        if (b[i] != ',') {
            return DEFER;
        }
        i = ws(b, i + 1, to);
        // The caller tells the two outcomes apart by b[i - 1]: '}' only after the object's end (the
        // byte before a key's quote is ',' or whitespace).
        return i < to && b[i] == '"' ? i : DEFER;
    }

    /**
     * Whitespace as JSON knows it. Runs between every key and value: the writers' one space (or
     * none) is recognised before the loop, which only a hand-edited line needs.
     */
    private static int ws(byte[] b, int i, int to) {
        if (i + 1 < to) {
            byte c = b[i];
            if (c > ' ') {
                return i;
            }
            if (c == ' ' && b[i + 1] > ' ') {
                return i + 1;
            }
        }
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    /** Keys after the expected one that are tried by the word compare before the byte loop. */
    private static final int SKIPPABLE = 3;

    /**
     * A key without escapes, then {@code :}; sets {@link #keyId} (tried first: key {@code hint} of
     * {@code keys}, then the few after it, as optional keys such as {@code num_procs} or
     * {@code num_fds} are often absent); returns the value's position.
     */
    private int key(byte[] b, int i, int to, Keys keys, int hint) {
        if (i >= to || b[i] != '"') {
            return DEFER;
        }
        int from = ++i;
        int k = hint;
        int last = Math.min(keys.keys.length, hint + 1 + SKIPPABLE);
        while (k < last && !keys.at(b, from, to, k)) {
            k++;
        }
        if (k < last) {
            keyId = k;
            i = from + keys.length[k];
            // The writers' ": " before a value that is not whitespace: the usual case, without ws().
            if (i + 2 < to && b[i] == ':' && b[i + 1] == ' ' && b[i + 2] > ' ') {
                return i + 2;
            }
        } else {
            int limit = Math.min(to, from + MAX_KEY);
            while (i < limit && b[i] != '"') {
                byte c = b[i];
                if (c == '\\' || c < 0x20) { // also all bytes >= 0x80 (negative)
                    return DEFER;
                }
                i++;
            }
            if (i >= limit) {
                return DEFER;
            }
            keyId = id(b, from, i, keys.keys, hint);
            i++;
        }
        i = ws(b, i, to);
        if (i >= to || b[i] != ':') {
            return DEFER;
        }
        return ws(b, i + 1, to);
    }

    /**
     * @param hint where to look first: one past the previous key's index (keys mostly come in order)
     * @return the index in {@code keys} of the last key read, or {@link #K_UNKNOWN}
     */
    private static int id(byte[] b, int keyFrom, int keyTo, byte[][] keys, int hint) {
        int len = keyTo - keyFrom;
        int n = keys.length;
        int k = hint < n ? hint : 0;
        outer:
        for (int tried = 0; tried < n; tried++, k = k + 1 < n ? k + 1 : 0) {
            byte[] key = keys[k];
            if (key.length != len) {
                continue;
            }
            for (int j = 0; j < len; j++) {
                if (b[keyFrom + j] != key[j]) {
                    continue outer;
                }
            }
            return k;
        }
        return K_UNKNOWN;
    }

    private static boolean isNull(byte[] b, int i, int to) {
        return i + 4 <= to && b[i] == 'n' && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l';
    }

    /** {@code null} (number = NaN) or a number. */
    private int optionalNumber(byte[] b, int i, int to) {
        if (isNull(b, i, to)) {
            number = Double.NaN;
            return i + 4;
        }
        return number(b, i, to);
    }

    /** The value of a key this parser does not know: a number, {@code null} or a plain string. */
    private int skipScalar(byte[] b, int i, int to) {
        if (i >= to) {
            return DEFER;
        }
        if (b[i] == '"') {
            return string(b, i, to, false);
        }
        return optionalNumber(b, i, to);
    }

    /**
     * A non-negative JSON number without exponent: {@code 0|[1-9][0-9]*} then optionally
     * {@code .[0-9]+}. Sets number, integer and (for an integer) longValue.
     */
    private int number(byte[] b, int i, int to) {
        int start = i;
        long m = 0;
        int digits = 0;
        if (i >= to) {
            return DEFER;
        }
        byte c = b[i];
        if (c == '0') {
            i++;
            if (i < to && b[i] >= '0' && b[i] <= '9') {
                return DEFER; // a leading zero: invalid JSON
            }
        } else if (c >= '1' && c <= '9') {
            // Up to eight digits a step, as many as the word has (most of a line's numbers are integers).
            while (i + Long.BYTES <= to) {
                long w = (long) LONGS.get(b, i);
                int n = digitRun(w);
                if (n == 0 || digits + n > MAX_LONG_DIGITS) {
                    break;
                }
                m = m * LONG_POW10[n] + digitValue(w, n);
                digits += n;
                i += n;
                if (n < Long.BYTES) {
                    break;
                }
            }
            while (i < to && (c = b[i]) >= '0' && c <= '9') {
                if (++digits <= MAX_LONG_DIGITS) {
                    m = m * 10 + (c - '0');
                }
                i++;
            }
        } else {
            return DEFER; // '-', NaN, Infinity, a string, ...
        }
        if (i >= to || b[i] != '.') {
            if (i < to && (b[i] == 'e' || b[i] == 'E')) {
                return DEFER;
            }
            if (digits > MAX_LONG_DIGITS) {
                return DEFER;
            }
            integer = true;
            longValue = m;
            number = m;
            return i;
        }
        i++;
        int fraction = 0;
        // As above; leading zeros of the fraction count as digits here, which only sends a number
        // such as 0.000000000000000001 to the exact slow path below.
        while (i + Long.BYTES <= to) {
            long w = (long) LONGS.get(b, i);
            int n = digitRun(w);
            if (n == 0 || digits + n > MAX_LONG_DIGITS) {
                break;
            }
            m = m * LONG_POW10[n] + digitValue(w, n);
            digits += n;
            fraction += n;
            i += n;
            if (n < Long.BYTES) {
                break;
            }
        }
        while (i < to && (c = b[i]) >= '0' && c <= '9') {
            if (m != 0 || c != '0') {
                digits++;
            }
            if (digits <= MAX_LONG_DIGITS) {
                m = m * 10 + (c - '0');
            }
            fraction++;
            i++;
        }
        if (fraction == 0 || (i < to && (b[i] == 'e' || b[i] == 'E'))) {
            return DEFER;
        }
        integer = false;
        if (digits <= MAX_LONG_DIGITS && m < EXACT_MANTISSA && fraction < POW10.length) {
            number = m / POW10[fraction];
        } else if (i - start <= MAX_NUMBER_TEXT) {
            number = Double.parseDouble(new String(b, start, i - start, StandardCharsets.ISO_8859_1));
        } else {
            return DEFER;
        }
        return i;
    }

    /** 10^n for the digit runs. */
    private static final long[] LONG_POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** How many of the eight bytes of {@code w} (from its lowest) are ASCII digits before the first that is not. */
    private static int digitRun(long w) {
        // Per byte 0x33 exactly for '0'..'9'; a carry of the + 6 only reaches bytes above a non-digit.
        long x = (w & 0xF0F0F0F0F0F0F0F0L) | (((w + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4);
        return Long.numberOfTrailingZeros(x ^ 0x3333333333333333L) >>> 3;
    }

    /** The value of the first {@code n} (1 to 8) digit bytes of {@code w}, the lowest byte most significant. */
    private static long digitValue(long w, int n) {
        // The digits move to the top bytes, zeros (leading zero digits) below; then pairs, quads, all eight.
        long d = (w & 0x0F0F0F0F0F0F0F0FL) << ((Long.BYTES - n) << 3);
        d = (d * 2561) >>> 8;
        d = ((d & 0x00FF00FF00FF00FFL) * 6553601) >>> 16;
        return ((d & 0x0000FFFF0000FFFFL) * 42949672960001L) >>> 32;
    }

    /**
     * A string of printable ASCII with JSON's escapes. With {@code decode}, the text is left in
     * {@link #text}. Without, the string must be escape-free, and its first {@link #chars}.length
     * characters are left in {@link #chars}, their count in {@link #charCount} (for the timestamp, which
     * is shorter; a longer string is then too long for {@link TimestampText} too).
     */
    private int string(byte[] b, int i, int to, boolean decode) {
        if (i >= to || b[i] != '"') {
            return DEFER;
        }
        int from = ++i;
        byte c = 0;
        while (i < to && (c = b[i]) != '"' && c != '\\' && c >= 0x20) {
            i++;
        }
        if (i >= to) {
            return DEFER;
        }
        if (c == '"') {
            int len = i - from;
            if (decode) {
                text = new String(b, from, len, StandardCharsets.ISO_8859_1);
            } else {
                if (len > chars.length) {
                    len = chars.length; // cannot be a timestamp; TimestampText rejects it by length
                }
                for (int j = 0; j < len; j++) {
                    chars[j] = (char) b[from + j];
                }
                charCount = len;
            }
            return i + 1;
        }
        if (c != '\\' || !decode) {
            return DEFER; // a control character or non-ASCII byte; or an escape in a timestamp
        }
        StringBuilder sb = unescaped;
        sb.setLength(0);
        for (int j = from; j < i; j++) {
            sb.append((char) b[j]);
        }
        while (true) {
            if (i >= to) {
                return DEFER;
            }
            c = b[i];
            if (c == '"') {
                text = sb.toString();
                return i + 1;
            }
            if (c < 0x20) {
                return DEFER;
            }
            if (c != '\\') {
                sb.append((char) c);
                i++;
                continue;
            }
            if (i + 1 >= to) {
                return DEFER;
            }
            switch (b[i + 1]) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 6 > to) {
                        return DEFER;
                    }
                    int v = 0;
                    for (int j = i + 2; j < i + 6; j++) {
                        int h = Character.digit(b[j], 16);
                        if (h < 0) {
                            return DEFER;
                        }
                        v = v << 4 | h;
                    }
                    sb.append((char) v);
                    i += 4;
                }
                default -> {
                    return DEFER;
                }
            }
            i += 2;
        }
    }
}
