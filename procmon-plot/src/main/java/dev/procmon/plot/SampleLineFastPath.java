package dev.procmon.plot;

/**
 * A hand-written parser for the sample object as procmon and TotalDepth write it: ASCII, one JSON
 * object of known keys with plain non-negative numbers, {@code null}s, simple strings and the nested
 * {@code memory_info}, {@code cpu_times} and {@code jvm} objects.
 *
 * <p>Why hand-written: this runs once per sample line, the hot path of reading a log (bench/run holds
 * the extract to 40 % of a plain line split's speed), and a general JSON parser spent most of the
 * extract time on it. It is only a shortcut:
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
    /** The last number read. */
    private final FastNumber num = new FastNumber();
    /** The last string read. */
    private final FastString str = new FastString();
    /** The last key's index in its {@link FastKeys}, or {@link FastKeys#K_UNKNOWN}. */
    private int keyId;
    /** The last date's day number: consecutive samples share their date. */
    private final EpochDays days = new EpochDays();

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
            i = key(b, i, to, FastKeys.TOP, hint);
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
                i = field(b, i, to, FastKeys.TOP, k, out);
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
    private int field(byte[] b, int i, int to, FastKeys keys, int k, Sample out) {
        int type = keys.type[k];
        if (type <= FastKeys.T_PID) {
            i = keys.nullable[k] ? optionalNumber(b, i, to) : num.read(b, i, to);
            if (i == DEFER) {
                return DEFER;
            }
            if (type != FastKeys.T_NUMBER && !Double.isNaN(num.value)) { // NaN: a nullable field's null
                if (!num.integer) {
                    return DEFER;
                }
                if (type == FastKeys.T_PID) {
                    out.pid = num.longValue;
                    out.hasPid = true;
                }
            }
            out.set(keys.slot[k], num.value);
            return i;
        }
        switch (type) {
            case FastKeys.T_OBJECT -> {
                if (isNull(b, i, to)) {
                    return keys.nullable[k] ? i + 4 : DEFER;
                }
                return nested(b, i, to, FastKeys.MEMBERS[keys.slot[k]], out);
            }
            case FastKeys.T_TIMESTAMP -> {
                i = str.read(b, i, to, false);
                if (i != DEFER) {
                    out.timestampMicros = TimestampText.parseMicros(str.chars, 0, str.charCount, days);
                }
                return i;
            }
            default -> {
                i = str.read(b, i, to, true);
                if (type == FastKeys.T_PHASE) {
                    out.phase = str.text;
                } else {
                    out.label = str.text;
                }
                return i;
            }
        }
    }

    /** One of the nested objects ({@code memory_info}, {@code cpu_times}, {@code jvm}, ...). */
    private int nested(byte[] b, int i, int to, FastKeys keys, Sample out) {
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

    /** FastKeys after the expected one that are tried by the word compare before the byte loop. */
    private static final int SKIPPABLE = 3;

    /**
     * A key without escapes, then {@code :}; sets {@link #keyId} (tried first: key {@code hint} of
     * {@code keys}, then the few after it, as optional keys such as {@code num_procs} or
     * {@code num_fds} are often absent); returns the value's position.
     */
    private int key(byte[] b, int i, int to, FastKeys keys, int hint) {
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
            int limit = Math.min(to, from + FastKeys.MAX_KEY);
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
            keyId = FastKeys.id(b, from, i, keys.keys, hint);
            i++;
        }
        i = ws(b, i, to);
        if (i >= to || b[i] != ':') {
            return DEFER;
        }
        return ws(b, i + 1, to);
    }

    private static boolean isNull(byte[] b, int i, int to) {
        return i + 4 <= to && b[i] == 'n' && b[i + 1] == 'u' && b[i + 2] == 'l' && b[i + 3] == 'l';
    }

    /** {@code null} (NaN) or a number. */
    private int optionalNumber(byte[] b, int i, int to) {
        if (isNull(b, i, to)) {
            num.value = Double.NaN;
            return i + 4;
        }
        return num.read(b, i, to);
    }

    /** The value of a key this parser does not know: a number, {@code null} or a plain string. */
    private int skipScalar(byte[] b, int i, int to) {
        if (i >= to) {
            return DEFER;
        }
        if (b[i] == '"') {
            return str.read(b, i, to, false);
        }
        return optionalNumber(b, i, to);
    }
}
