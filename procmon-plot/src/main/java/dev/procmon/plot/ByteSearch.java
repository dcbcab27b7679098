package dev.procmon.plot;

import dev.procmon.core.LogFormat;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The two searches that run over every byte of a log: for a byte (the newline) and for the sample
 * marker. Hand-written because the extract must keep up with a plain line split (bench/run holds it to
 * a share of that floor): {@link #indexOf} tests eight bytes per step, two words at a time (SWAR: a
 * word with the byte XORed away has a zero byte); {@link #marker} skips ahead Horspool-style on the
 * byte under the marker's last position, so a line without the marker is mostly jumped over.
 */
final class ByteSearch {

    private static final byte[] MARKER = LogFormat.MARKER.getBytes(StandardCharsets.US_ASCII);

    private ByteSearch() {}

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final int M = MARKER.length;
    private static final byte MARKER_LAST = MARKER[M - 1];
    /** How far the marker may move on when the byte under its last position is {@code c}. */
    private static final byte[] SKIP = new byte[256];

    static {
        Arrays.fill(SKIP, (byte) M);
        for (int j = 0; j < M - 1; j++) {
            SKIP[MARKER[j] & 0xff] = (byte) (M - 1 - j);
        }
    }

    /** Where byte {@code x} first is in {@code b[from, to)}, or -1. */
    static int indexOf(byte[] b, int from, int to, byte x) {
        long pattern = (x & 0xffL) * ONES;
        int i = from;
        // Two words a step while there are: a sample line is some 900 bytes without a newline, and
        // the two tests are independent, so the core runs them side by side.
        for (; i <= to - 2 * Long.BYTES; i += 2 * Long.BYTES) {
            long w0 = (long) LONGS.get(b, i) ^ pattern;
            long w1 = (long) LONGS.get(b, i + Long.BYTES) ^ pattern;
            long z0 = (w0 - ONES) & ~w0 & HIGHS;
            long z1 = (w1 - ONES) & ~w1 & HIGHS;
            if ((z0 | z1) != 0) {
                return z0 != 0
                        ? i + (Long.numberOfTrailingZeros(z0) >>> 3)
                        : i + Long.BYTES + (Long.numberOfTrailingZeros(z1) >>> 3);
            }
        }
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long w = (long) LONGS.get(b, i) ^ pattern;
            // The lowest set high bit marks the first zero byte (bits above it may be false hits).
            long zero = (w - ONES) & ~w & HIGHS;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** Where the sample marker starts in {@code b[from, to)}, or -1. */
    static int marker(byte[] b, int from, int to) {
        int i = from + M - 1;
        while (i < to) {
            byte c = b[i];
            if (c == MARKER_LAST && markerEndsAt(b, i)) {
                return i - (M - 1);
            }
            i += SKIP[c & 0xff];
        }
        return -1;
    }

    private static boolean markerEndsAt(byte[] b, int last) {
        int start = last - (M - 1);
        for (int j = 0; j < M - 1; j++) {
            if (b[start + j] != MARKER[j]) {
                return false;
            }
        }
        return true;
    }
}
