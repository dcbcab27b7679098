package dev.procmon.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Writes epoch microseconds as local time, {@code yyyy-MM-dd HH:mm:ss.SSSSSS}, without allocating:
 * the date and the UTC offset are cached for as long as they hold (until local midnight or the next
 * offset transition), and the time of day is plain arithmetic. Recomputing the cache allocates, at
 * most once a day.
 */
final class LocalTimestampFormat {

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final ZoneRules rules;
    private final char[] date = new char[10];
    private long dayStartMicros = Long.MAX_VALUE;
    private long validUntilMicros = Long.MIN_VALUE;

    LocalTimestampFormat(ZoneId zone) {
        this.rules = zone.getRules();
    }

    void append(long epochMicros, StringBuilder out) {
        if (epochMicros < dayStartMicros || epochMicros >= validUntilMicros) {
            recompute(epochMicros);
        }
        out.append(date).append(' ');
        long micros = epochMicros - dayStartMicros;
        long seconds = micros / 1_000_000;
        twoDigits(out, (int) (seconds / 3600)).append(':');
        twoDigits(out, (int) (seconds / 60 % 60)).append(':');
        twoDigits(out, (int) (seconds % 60)).append('.');
        int fraction = (int) (micros % 1_000_000);
        for (int divisor = 100_000; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + fraction / divisor % 10));
        }
    }

    private void recompute(long epochMicros) {
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L));
        ZoneOffset offset = rules.getOffset(instant);
        long offsetMicros = offset.getTotalSeconds() * 1_000_000L;
        long localMicros = epochMicros + offsetMicros;
        long localDayStart = Math.floorDiv(localMicros, MICROS_PER_DAY) * MICROS_PER_DAY;
        dayStartMicros = localDayStart - offsetMicros;
        long until = dayStartMicros + MICROS_PER_DAY;
        ZoneOffsetTransition next = rules.nextTransition(instant);
        if (next != null) {
            until = Math.min(until, next.getInstant().getEpochSecond() * 1_000_000L);
        }
        validUntilMicros = until;
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(localMicros, MICROS_PER_DAY));
        String text = day.toString();
        if (text.length() != 10) {
            text = String.format("%04d-%02d-%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        }
        text.getChars(0, 10, date, 0);
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
