package dev.procmon.cli;

import dev.procmon.core.MemoryDetail;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --memory rss|pss}, in any case, with one clear line for anything else. */
final class MemoryDetailConverter implements ITypeConverter<MemoryDetail> {

    @Override
    public MemoryDetail convert(String value) {
        for (MemoryDetail m : MemoryDetail.values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new TypeConversionException("expected rss or pss, not '" + value + "'");
    }
}
