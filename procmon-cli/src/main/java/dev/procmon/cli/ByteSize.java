package dev.procmon.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A size in bytes with an optional binary suffix: {@code 512MiB}, {@code 2GiB}, {@code 1.5GiB},
 * {@code 4096} (bytes). Decimal suffixes ({@code MB}, {@code GB}) are refused rather than guessed:
 * whether a user meant 10^6 or 2^20 cannot be told.
 */
final class ByteSize implements ITypeConverter<Double> {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");

    @Override
    public Double convert(String value) {
        return parse(value);
    }

    static double parse(String value) {
        Matcher m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size (examples: 512MiB, 2GiB, 4096)");
        }
        double n = Double.parseDouble(m.group(1));
        double unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1;
            case "kib", "k" -> 1L << 10;
            case "mib", "m" -> 1L << 20;
            case "gib", "g" -> 1L << 30;
            case "tib", "t" -> 1L << 40;
            case "kb", "mb", "gb", "tb" ->
                throw new TypeConversionException(
                        "'" + value + "': use binary suffixes (KiB, MiB, GiB, TiB), 1 MiB = 1,048,576 bytes");
            default ->
                throw new TypeConversionException(
                        "'" + value + "': unknown size suffix '" + m.group(2) + "' (use B, KiB, MiB, GiB, TiB)");
        };
        double bytes = n * unit;
        if (Double.isInfinite(bytes) || bytes > 1e18) {
            throw new TypeConversionException("'" + value + "' is too large");
        }
        return bytes;
    }

    /** {@code 381.9 MiB}: how sizes are shown beside budgets. */
    static String format(double bytes) {
        double abs = Math.abs(bytes);
        if (abs >= 10.0 * (1L << 30)) {
            return String.format(Locale.ROOT, "%.2f GiB", bytes / (1L << 30));
        }
        if (abs >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1 << 20));
        }
        if (abs >= 1 << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / (1 << 10));
        }
        return String.format(Locale.ROOT, "%.0f B", bytes);
    }
}
