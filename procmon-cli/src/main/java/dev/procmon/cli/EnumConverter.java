package dev.procmon.cli;

import dev.procmon.plot.OutputFormat;
import dev.procmon.plot.TimeAxis;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An enum option given in lower case ({@code --time clock}, {@code --format svg,png}; any case is
 * accepted), with one line naming the choices for anything else. Picocli makes converters by class,
 * so each enum has its subclass here.
 */
abstract class EnumConverter<E extends Enum<E>> implements ITypeConverter<E> {

    private final Class<E> type;

    EnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        StringBuilder accepted = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            String name = e.name().toLowerCase(Locale.ROOT);
            if (name.equals(value.strip().toLowerCase(Locale.ROOT))) {
                return e;
            }
            accepted.append(accepted.length() == 0 ? "" : ", ").append(name);
        }
        throw new TypeConversionException("expected one of " + accepted + ", got '" + value + "'");
    }

    /** {@code elapsed|clock}. */
    static final class TimeAxes extends EnumConverter<TimeAxis> {
        TimeAxes() {
            super(TimeAxis.class);
        }
    }

    /** {@code svg|png|html}. */
    static final class OutputFormats extends EnumConverter<OutputFormat> {
        OutputFormats() {
            super(OutputFormat.class);
        }
    }
}
