package dev.procmon.plot;

import org.jspecify.annotations.Nullable;

/**
 * The {@code YYYY-MM-DDTHH:MM:} text of the minute last asked for: a log's consecutive timestamps
 * share their minute, so the {@code .dat} formats a date once a minute, not once a row.
 */
final class MinuteText {

    /** Bytes of the text. */
    static final int LENGTH = 17;

    private final byte[] text = new byte[LENGTH];
    private long cached = Long.MIN_VALUE;

    /**
     * Returns the text of {@code minute} (minutes since 1970, local time as if UTC), or null if its
     * year is outside 0000-9999 (left to {@link TimestampText}). The array is reused: valid until the
     * next call.
     */
    byte @Nullable [] of(long minute) {
        if (minute == cached) {
            return text;
        }
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
            return null;
        }
        DecimalDigits.fill(text, 0, year, 4);
        text[4] = '-';
        DecimalDigits.fill(text, 5, month, 2);
        text[7] = '-';
        DecimalDigits.fill(text, 8, day, 2);
        text[10] = 'T';
        DecimalDigits.fill(text, 11, minuteOfDay / 60, 2);
        text[13] = ':';
        DecimalDigits.fill(text, 14, minuteOfDay % 60, 2);
        text[16] = ':';
        cached = minute;
        return text;
    }
}
