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

    private byte[] buf = new byte[1 << 16];
    private int n;

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
        if (v < 0 && r != 0) {
            ch('-');
        }
        integer(r / scale);
        if (decimals > 0) {
            ch('.');
            padded(r % scale, decimals);
        }
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
        int start = n;
        do {
            buf[n++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = n - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    private AsciiRow padded(long v, int width) {
        room(width);
        for (int i = n + width - 1; i >= n; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        n += width;
        return this;
    }

    /** Appends a timestamp as {@link TimestampText#format} does ({@code 2026-11-24T14:10:06.051630} or {@code NaN}). */
    AsciiRow timestamp(long micros) {
        if (micros == Sample.NO_TIMESTAMP) {
            return ascii("NaN");
        }
        long seconds = Math.floorDiv(micros, 1_000_000L);
        long frac = Math.floorMod(micros, 1_000_000L);
        long days = Math.floorDiv(seconds, 86400L);
        long secOfDay = Math.floorMod(seconds, 86400L);
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
            return ascii(TimestampText.format(micros));
        }
        padded(year, 4).ch('-').padded(month, 2).ch('-').padded(day, 2).ch('T');
        padded(secOfDay / 3600, 2)
                .ch(':')
                .padded(secOfDay / 60 % 60, 2)
                .ch(':')
                .padded(secOfDay % 60, 2)
                .ch('.');
        return padded(frac, 6);
    }
}
