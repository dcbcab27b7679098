package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource({
        "4096, 4096",
        "512MiB, 536870912",
        "2GiB, 2147483648",
        "1.5 GiB, 1610612736",
        "1KiB, 1024",
        "3m, 3145728",
        "1TiB, 1099511627776",
        "7B, 7",
        "0, 0"
    })
    void binarySuffixes(String text, double bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"512MB", "2GB", "1kb", "-1MiB", "lots", "", "1e9", "12 parsecs", "99999999999999999999TiB"})
    void anythingElseIsRefusedWithTheValueInTheMessage(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({"512, 512 B", "1536, 1.5 KiB", "104857600, 100.0 MiB", "10737418240, 10.00 GiB"})
    void shownInTheUnitThatReadsBest(double bytes, String text) {
        assertThat(ByteSize.format(bytes)).isEqualTo(text);
    }
}
