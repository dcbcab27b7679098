package dev.procmon.cli;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A tolerance in percent, {@code 10%} or {@code 10}, as a fraction (0.10). */
final class Tolerance implements ITypeConverter<Double> {

    private static final Pattern PERCENT = Pattern.compile("\\d+(\\.\\d+)?\\s*%?");

    @Override
    public Double convert(String value) {
        String text = value.trim();
        if (!PERCENT.matcher(text).matches()) {
            throw new TypeConversionException("'" + value + "' is not a percentage (examples: 10%, 2.5%)");
        }
        double percent = Double.parseDouble(
                text.endsWith("%") ? text.substring(0, text.length() - 1).trim() : text);
        if (Double.isInfinite(percent)) {
            throw new TypeConversionException("'" + value + "' is too large");
        }
        return percent / 100;
    }
}
