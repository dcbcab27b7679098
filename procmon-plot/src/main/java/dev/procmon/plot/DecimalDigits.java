package dev.procmon.plot;

/**
 * Decimal digits written into byte buffers for the {@code .dat} ({@link AsciiRow}): a million rows of
 * some fifteen numbers each, so no String and no division instruction per digit.
 */
final class DecimalDigits {

    private DecimalDigits() {}

    /** "00" to "99": two digits per division (the .dat writes about fifteen numbers a row, a million rows). */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /**
     * Writes {@code v >= 0} as exactly {@code width} digits (zero-padded) into {@code buf[at, at +
     * width)}, two digits a step. The divisions by 100 and 10 are multiplications and shifts (exact below
     * 2^32 and 100): procmon plot runs on C1, which divides by a constant with a division instruction.
     */
    static void fill(byte[] buf, int at, long v, int width) {
        int n = at;
        int i = n + width;
        while (v > Integer.MAX_VALUE && i - 2 >= n) { // a count past two billion: rare
            long q = v / 100;
            int pair = (int) (v - q * 100) << 1;
            buf[--i] = PAIRS[pair + 1];
            buf[--i] = PAIRS[pair];
            v = q;
        }
        int x = (int) v;
        while (x >= 100 && i - 2 >= n) {
            int q = (int) ((x * 1374389535L) >>> 37);
            int pair = (x - q * 100) << 1;
            buf[--i] = PAIRS[pair + 1];
            buf[--i] = PAIRS[pair];
            x = q;
        }
        while (i > n) {
            int q = (x * 103) >>> 10;
            buf[--i] = (byte) ('0' + x - q * 10);
            x = q;
        }
    }

    /** The decimal digits of {@code v >= 0}. */
    static int length(long v) {
        // From the bit length: log10(2) ~ 1233 / 4096 gives the digits or one less; one compare decides.
        int guess = ((Long.SIZE - Long.numberOfLeadingZeros(v | 1)) * 1233) >>> 12;
        return guess < DIGIT_LIMITS.length && v >= DIGIT_LIMITS[guess] ? guess + 1 : Math.max(guess, 1);
    }

    /** 10^k for k = 0..18: a number of k + 1 digits is at least 10^k. */
    private static final long[] DIGIT_LIMITS = {
        1L,
        10L,
        100L,
        1_000L,
        10_000L,
        100_000L,
        1_000_000L,
        10_000_000L,
        100_000_000L,
        1_000_000_000L,
        10_000_000_000L,
        100_000_000_000L,
        1_000_000_000_000L,
        10_000_000_000_000L,
        100_000_000_000_000L,
        1_000_000_000_000_000L,
        10_000_000_000_000_000L,
        100_000_000_000_000_000L,
        1_000_000_000_000_000_000L,
    };
}
