package dev.procmon.cli;

import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A non-negative, finite number of seconds as a budget ({@code 90}, {@code 2.5}, {@code 2.5s}). */
final class Seconds implements ITypeConverter<Double> {

    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?\\s*s?");

    @Override
    public Double convert(String value) {
        return parse(value);
    }

    static double parse(String value) {
        String text = value.trim();
        if (!DECIMAL.matcher(text).matches()) {
            throw new TypeConversionException("'" + value + "' is not a number of seconds (examples: 90, 2.5)");
        }
        double s = Double.parseDouble(
                text.endsWith("s") ? text.substring(0, text.length() - 1).trim() : text);
        if (Double.isInfinite(s)) {
            throw new TypeConversionException("'" + value + "' is too large");
        }
        return s;
    }

    static String format(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
