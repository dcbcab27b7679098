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
        buf = new byte[1 << 16];
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
        int len = Math.max(DecimalDigits.length(r), decimals + 1);
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
        fill(v, DecimalDigits.length(v));
    }

    /** {@code v >= 0} as exactly {@code width} digits; room is there. */
    private void fill(long v, int width) {
        DecimalDigits.fill(buf, n, v, width);
        n += width;
    }

    /** The current minute's {@code YYYY-MM-DDTHH:MM:} text: consecutive samples share it. */
    private final MinuteText minute = new MinuteText();

    /** Appends a timestamp as {@link TimestampText#format} does ({@code 2026-11-24T14:10:06.051630} or {@code NaN}). */
    AsciiRow timestamp(long micros) {
        if (micros == Sample.NO_TIMESTAMP) {
            return ascii("NaN");
        }
        long seconds = Math.floorDiv(micros, 1_000_000L);
        long frac = Math.floorMod(micros, 1_000_000L);
        byte[] text = minute.of(Math.floorDiv(seconds, 60L));
        if (text == null) {
            return ascii(TimestampText.format(micros));
        }
        // Consecutive samples share their minute: only seconds and microseconds change.
        room(MinuteText.LENGTH + 9);
        System.arraycopy(text, 0, buf, n, MinuteText.LENGTH);
        n += MinuteText.LENGTH;
        fill(Math.floorMod(seconds, 60L), 2);
        buf[n++] = '.';
        fill(frac, 6);
        return this;
    }
}
