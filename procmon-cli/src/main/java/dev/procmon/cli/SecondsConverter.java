package dev.procmon.cli;

import java.time.Duration;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A positive, finite number of seconds ({@code 0.2}, {@code 60}) as a Duration; anything else
 * (negative, zero, NaN, infinite, too small to be a nanosecond, garbage) is a usage error.
 */
final class SecondsConverter implements ITypeConverter<Duration> {

    private static final double MAX_SECONDS = Long.MAX_VALUE / 1e9;
    /** Plain decimal: no hex floats, no {@code d}/{@code f} suffixes, no NaN or Infinity spelled out. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    @Override
    public Duration convert(String value) {
        String text = value.trim();
        if (!DECIMAL.matcher(text).matches()) {
            throw new TypeConversionException("'" + value + "' is not a number of seconds");
        }
        double seconds = Double.parseDouble(text);
        if (!(seconds > 0) || Double.isInfinite(seconds) || seconds >= MAX_SECONDS) {
            throw new TypeConversionException("'" + value + "' must be a positive, finite number of seconds");
        }
        long nanos = Math.round(seconds * 1e9);
        if (nanos <= 0) {
            throw new TypeConversionException("'" + value + "' is shorter than a nanosecond");
        }
        return Duration.ofNanos(nanos);
    }
}
