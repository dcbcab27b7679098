package dev.procmon.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A growable byte buffer that numbers and timestamps are formatted into digit by digit, with no
 * object per value: the {@code .dat} file has a row per sample (a million rows for a long recording),
 * and formatting through Strings, {@code StringBuilder} and {@code LocalDateTime} cost about twenty
 * objects a row. Hand-written because it is the hot loop of writing the data file; its output is
 * checked against {@link DecimalText} and {@link TimestampText}.
 */
final class AsciiRow {

    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    private static final byte[] NAN = {'N', 'a', 'N'};

    private byte[] buf;
    private int n;

    AsciiRow() {
        this(1 << 16);
    }

    private AsciiRow(int capacity) {
        buf = new byte[capacity];
    }

    int size() {
        return n;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }

    private void room(int extra) {
        if (n + extra > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + extra));
        }
    }

    AsciiRow ch(char c) {
        room(1);
        buf[n++] = (byte) c;
        return this;
    }

    AsciiRow ascii(String s) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[n++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Appends {@code s} as UTF-8 (a lone surrogate as {@code ?}). */
    AsciiRow utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        room(b.length);
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
        return this;
    }

    /** "00" to "99": two digits per division (the .dat writes about fifteen numbers a row, a million rows). */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /** Appends {@code v} as {@link DecimalText#append} does: fixed decimals, NaN and infinities as {@code NaN}. */
    AsciiRow decimal(double v, int decimals) {
        if (!Double.isFinite(v)) {
            room(3);
            System.arraycopy(NAN, 0, buf, n, 3);
            n += 3;
            return this;
        }
        long scale = POW10[decimals];
        double scaled = Math.abs(v) * scale;
        if (scaled >= 9e18) {
            return ascii(Double.toString(v));
        }
        long r = Math.round(scaled);
        room(22);
        if (v < 0 && r != 0) {
            buf[n++] = '-';
        }
        if (decimals == 0) {
            digits(r);
            return this;
        }
        // r's digits, at least one before the point, then the point moved in before the last
        // decimals (no division by the scale).
        int start = n;
        int len = Math.max(length(r), decimals + 1);
        fill(r, len);
        int point = start + len - decimals;
        System.arraycopy(buf, point, buf, point + 1, decimals);
        buf[point] = '.';
        n++;
        return this;
    }

    /** Appends a whole number. */
    AsciiRow integer(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return ascii(Long.toString(v));
            }
            ch('-');
            v = -v;
        }
        room(20);
        digits(v);
        return this;
    }

    /** The digits of {@code v >= 0}; room is there. */
    private void digits(long v) {
        int len = length(v);
        fill(v, len);
    }

    /**
     * {@code v >= 0} as exactly {@code width} digits (zero-padded; room is there), two digits a step.
     * The divisions by 100 and 10 are multiplications and shifts (exact below 2^32 and 100): procmon
     * plot runs on C1, which divides by a constant with a division instruction.
     */
    private void fill(long v, int width) {
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
        n += width;
    }

    /** The decimal digits of {@code v >= 0}. */
    private static int length(long v) {
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

    private AsciiRow padded(long v, int width) {
        room(width);
        fill(v, width);
        return this;
    }

    /** The minute last formatted (seconds since 1970 / 60), and its {@code YYYY-MM-DDTHH:MM:} text. */
    private long cachedMinute = Long.MIN_VALUE;

    private final byte[] minuteText = new byte[MINUTE_TEXT];
    private static final int MINUTE_TEXT = 17;

    /** Appends a timestamp as {@link TimestampText#format} does ({@code 2026-11-24T14:10:06.051630} or {@code NaN}). */
    AsciiRow timestamp(long micros) {
        if (micros == Sample.NO_TIMESTAMP) {
            return ascii("NaN");
        }
        long seconds = Math.floorDiv(micros, 1_000_000L);
        long frac = Math.floorMod(micros, 1_000_000L);
        long minute = Math.floorDiv(seconds, 60L);
        if (minute != cachedMinute && !cacheMinute(minute)) {
            return ascii(TimestampText.format(micros));
        }
        // Consecutive samples share their minute: only seconds and microseconds change.
        room(MINUTE_TEXT + 9);
        System.arraycopy(minuteText, 0, buf, n, MINUTE_TEXT);
        n += MINUTE_TEXT;
        fill(Math.floorMod(seconds, 60L), 2);
        buf[n++] = '.';
        fill(frac, 6);
        return this;
    }

    /** Formats the minute's text; false if its year is outside 0000-9999 (left to TimestampText). */
    private boolean cacheMinute(long minute) {
        long days = Math.floorDiv(minute, 1440L);
        long minuteOfDay = Math.floorMod(minute, 1440L);
        // Days since 1970 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long year = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        if (month <= 2) {
            year++;
        }
        if (year < 0 || year > 9999) {
            return false;
        }
        AsciiRow text = new AsciiRow(MINUTE_TEXT);
        text.padded(year, 4).ch('-').padded(month, 2).ch('-').padded(day, 2).ch('T');
        text.padded(minuteOfDay / 60, 2).ch(':').padded(minuteOfDay % 60, 2).ch(':');
        System.arraycopy(text.buf, 0, minuteText, 0, MINUTE_TEXT);
        cachedMinute = minute;
        return true;
    }
}
