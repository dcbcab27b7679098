package dev.procmon.picocli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class SecondsConverterTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.2", "60", " 1.0 ", ".5", "1e-3", "+3"})
    void positiveDecimalsAreDurations(String value) {
        Duration d = new SecondsConverter().convert(value);
        assertThat(d).isPositive().isEqualTo(Duration.ofNanos(Math.round(Double.parseDouble(value.trim()) * 1e9)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "-1", "NaN", "Infinity", "1e400", "1e-12", "abc", "1d", ""})
    void zeroNegativeTinyOrGarbageAreRejected(String value) {
        assertThatThrownBy(() -> new SecondsConverter().convert(value))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'" + value + "'");
    }
}
