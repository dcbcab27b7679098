package dev.procmon.plot;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Days since 1970-01-01 of a date, the last one kept: a log's consecutive timestamps share their date. */
final class EpochDays {

    /** Returned for a date that does not exist (30 February). */
    static final long INVALID = Long.MIN_VALUE;

    private int lastKey = -1;
    private long lastDays;

    /** Returns the date's day number, or {@link #INVALID}. */
    long of(int year, int month, int day) {
        int key = (year * 16 + month) * 32 + day;
        if (key == lastKey) {
            return lastDays;
        }
        long days;
        try {
            days = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return INVALID;
        }
        lastKey = key;
        lastDays = days;
        return days;
    }
}
