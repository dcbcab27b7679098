package dev.procmon.plot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the JSON numbers of a sample line for {@link SampleLineFastPath}: the plain non-negative
 * numbers the writers write, up to eight digits a step; anything else (a sign, an exponent, more
 * digits than a long holds exactly) is left to Jackson. Its results must equal Jackson's
 * ({@code SampleLineFastPathTest}).
 */
final class FastNumber {

    /** Returned instead of a position: give the line to Jackson. */
    private static final int DEFER = -1;
    /** Longer number text than this is left to Jackson (its own limit is 1000 characters). */
    private static final int MAX_NUMBER_TEXT = 64;
    /** Integers with more digits may not fit a long: left to Jackson. */
    private static final int MAX_LONG_DIGITS = 18;
    /** Below this a long is an exact double. */
    private static final long EXACT_MANTISSA = 1L << 53;
    /** Powers of ten that are exact doubles; m / 10^k is then correctly rounded for m &lt; 2^53. */
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    };

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The last number read. */
    double value;
    /** Whether it was an integer token. */
    boolean integer;
    /** The integer, when it was one. */
    long longValue;

    /**
     * A non-negative JSON number without exponent: {@code 0|[1-9][0-9]*} then optionally
     * {@code .[0-9]+}. Sets {@link #value}, {@link #integer} and (for an integer) {@link #longValue}; returns
     * the position after it, or -1 (give the line to Jackson).
     */
    int read(byte[] b, int i, int to) {
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
            mantissa = 0;
            digitCount = 0;
            i = digitRuns(b, i, to);
            m = mantissa;
            digits = digitCount;
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
            value = m;
            return i;
        }
        i++;
        int fraction = 0;
        // As above; leading zeros of the fraction count as digits here, which only sends a number
        // such as 0.000000000000000001 to the exact slow path below.
        mantissa = m;
        digitCount = digits;
        int fractionFrom = i;
        i = digitRuns(b, i, to);
        m = mantissa;
        digits = digitCount;
        fraction += i - fractionFrom;
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
            value = m / POW10[fraction];
        } else if (i - start <= MAX_NUMBER_TEXT) {
            value = Double.parseDouble(new String(b, start, i - start, StandardCharsets.ISO_8859_1));
        } else {
            return DEFER;
        }
        return i;
    }

    /** The number so far and its digits, for {@link #digitRuns}. */
    private long mantissa;

    private int digitCount;

    /**
     * Takes digits from {@code b[i]} into {@link #mantissa} (counted in {@link #digitCount}), up to
     * eight a step, while whole words of them fit and the count stays within a long's exact digits;
     * returns where it stopped (the digits left, if any, are for the caller's byte loop).
     */
    private int digitRuns(byte[] b, int i, int to) {
        while (i + Long.BYTES <= to) {
            long w = (long) LONGS.get(b, i);
            int n = digitRun(w);
            if (n == 0 || digitCount + n > MAX_LONG_DIGITS) {
                break;
            }
            mantissa = mantissa * LONG_POW10[n] + digitValue(w, n);
            digitCount += n;
            i += n;
            if (n < Long.BYTES) {
                break;
            }
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
}
