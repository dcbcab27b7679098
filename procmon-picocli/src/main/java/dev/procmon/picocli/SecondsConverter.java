package dev.procmon.picocli;

import dev.procmon.core.ProcessMonitor;
import java.time.Duration;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A positive, finite number of seconds ({@code 0.2}, {@code 60}) as a Duration; anything else
 * (negative, zero, NaN, infinite, too small to be a nanosecond, garbage) is a usage error. Use it
 * as {@code @Option(converter = SecondsConverter.class)}.
 */
public final class SecondsConverter implements ITypeConverter<Duration> {

    private static final double MAX_SECONDS = Long.MAX_VALUE / 1e9;
    /** Plain decimal: no hex floats, no {@code d}/{@code f} suffixes, no NaN or Infinity spelled out. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    @Override
    public Duration convert(String value) {
        return parse(value, false);
    }

    /**
     * A monitor's interval: seconds, at least {@link ProcessMonitor#MIN_INTERVAL}, so that a value the
     * monitor would refuse is a usage error naming the option, not an exception at start.
     */
    public static final class Interval implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return interval(parse(value, false), value);
        }
    }

    /** {@code d} if it is a monitor's interval, else a usage error quoting {@code value}. */
    static Duration interval(Duration d, String value) {
        if (d.compareTo(ProcessMonitor.MIN_INTERVAL) < 0) {
            throw new TypeConversionException("'" + value + "' is shorter than the shortest interval, "
                    + ProcessMonitor.MIN_INTERVAL.toMillis() / 1000.0 + " s");
        }
        return d;
    }

    /** Parses seconds; {@code zero} allows 0 (as {@link Duration#ZERO}). */
    static Duration parse(String value, boolean zero) {
        String text = value.trim();
        if (!DECIMAL.matcher(text).matches()) {
            throw new TypeConversionException("'" + value + "' is not a number of seconds");
        }
        double seconds = Double.parseDouble(text);
        if (zero && seconds == 0) {
            return Duration.ZERO;
        }
        if (!(seconds > 0) || Double.isInfinite(seconds) || seconds >= MAX_SECONDS) {
            throw new TypeConversionException(
                    "'" + value + "' must be a " + (zero ? "non-negative" : "positive") + ", finite number of seconds");
        }
        long nanos = Math.round(seconds * 1e9);
        if (nanos <= 0) {
            throw new TypeConversionException("'" + value + "' is shorter than a nanosecond");
        }
        return Duration.ofNanos(nanos);
    }
}
