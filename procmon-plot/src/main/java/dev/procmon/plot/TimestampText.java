package dev.procmon.plot;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The sample timestamp ({@code yyyy-MM-dd HH:mm:ss[.ffffff]}, local time) to and from microseconds,
 * read digit by digit so a sample costs no String, and written as one whitespace-free token
 * ({@code 2026-11-24T14:10:06.051630}) for the {@code .dat} file and gnuplot.
 */
final class TimestampText {

    private TimestampText() {}

    /** Returns microseconds since 1970-01-01T00:00 treating the local time as UTC, or {@link Sample#NO_TIMESTAMP}. */
    static long parseMicros(char[] c, int off, int len) {
        return parseMicros(c, off, len, new EpochDays());
    }

    /** As {@link #parseMicros(char[], int, int)}, with the last date's day number kept in {@code days}. */
    static long parseMicros(char[] c, int off, int len, EpochDays days) {
        if (len < 19
                || c[off + 4] != '-'
                || c[off + 7] != '-'
                || (c[off + 10] != ' ' && c[off + 10] != 'T')
                || c[off + 13] != ':'
                || c[off + 16] != ':') {
            return Sample.NO_TIMESTAMP;
        }
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        int second = digits(c, off + 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return Sample.NO_TIMESTAMP;
        }
        long micros = 0;
        if (len > 19) {
            if (c[off + 19] != '.' || len > 26 || len == 20) {
                return Sample.NO_TIMESTAMP;
            }
            int frac = digits(c, off + 20, len - 20);
            if (frac < 0) {
                return Sample.NO_TIMESTAMP;
            }
            micros = frac;
            for (int i = len - 20; i < 6; i++) {
                micros *= 10;
            }
        }
        long epochDay = days.of(year, month, day);
        if (epochDay == EpochDays.INVALID) {
            return Sample.NO_TIMESTAMP;
        }
        return ((epochDay * 24 + hour) * 60 + minute) * 60_000_000L + second * 1_000_000L + micros;
    }

    private static int digits(char[] c, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = c[off + i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Returns {@code 2026-11-24T14:10:06.051630}, or {@code NaN} when there is none. */
    static String format(long micros) {
        if (micros == Sample.NO_TIMESTAMP) {
            return "NaN";
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
        long frac = Math.floorMod(micros, 1_000_000L);
        StringBuilder sb = new StringBuilder(26);
        pad(sb, t.getYear(), 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('T');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2).append('.');
        return pad(sb, frac, 6).toString();
    }

    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
