package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The keys of one JSON object of the sample line, from the schema ({@link LogField}), as
 * {@link SampleLineFastPath} looks them up: each also as {@code key"} in up to three little-endian
 * words (head, middle for keys past 16 bytes, tail), so the expected key is recognised with two or
 * three long compares; per key what its value is and where it goes.
 */
// EnumOrdinal: the log fields index flat per-sample arrays by ordinal on purpose (no boxing, no map on the hot path).
@SuppressWarnings("EnumOrdinal")
final class FastKeys {

    /** Longer keys than this are left to Jackson (its own limit on names). */
    static final int MAX_KEY = 64;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Returned by {@link #id} for a key the schema does not know. */
    static final int K_UNKNOWN = -1;

    /** What a key's value is, from its field in the schema. */
    static final int T_NUMBER = 0;

    static final int T_WHOLE = 1;
    static final int T_PID = 2;
    static final int T_OBJECT = 3;
    static final int T_TIMESTAMP = 4;
    static final int T_LABEL = 5;
    static final int T_PHASE = 6;

    /**
     * The key tables, from the schema: the top level's, and each object's by its ordinal. Keys are in
     * write order, so the key after key k is looked for first at k + 1.
     */
    static final FastKeys TOP = new FastKeys(LogField.topLevel());

    static final FastKeys[] MEMBERS =
            Arrays.stream(LogField.values()).map(f -> new FastKeys(f.members())).toArray(FastKeys[]::new);

    /**
     * The keys of one object, each also as {@code key"} in up to three little-endian words (head,
     * middle for keys past 16 bytes, tail), so the expected key is recognised with two or three long
     * compares.
     */
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

    FastKeys(List<LogField> fields) {
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

    /**
     * Finds the key {@code b[keyFrom, keyTo)} byte by byte: for a key the word compare did not find.
     *
     * @param hint where to look first: one past the previous key's index (keys mostly come in order)
     * @return the index in {@code keys} of the key, or {@link #K_UNKNOWN}
     */
    static int id(byte[] b, int keyFrom, int keyTo, byte[][] keys, int hint) {
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
}
