package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The byte formatter of the .dat writes exactly what the String formatters it replaced wrote. */
class AsciiRowTest {

    private static String text(AsciiRow row) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        row.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Property
    void decimalsAsDecimalText(@ForAll double v, @ForAll @IntRange(min = 0, max = 8) int decimals) throws Exception {
        assertThat(text(new AsciiRow().decimal(v, decimals))).isEqualTo(DecimalText.format(v, decimals));
    }

    @Property
    void smallDecimalsAsDecimalText(
            @ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long millis,
            @ForAll @IntRange(min = 0, max = 6) int decimals)
            throws Exception {
        double v = millis / 1000.0;
        assertThat(text(new AsciiRow().decimal(v, decimals))).isEqualTo(DecimalText.format(v, decimals));
    }

    @Property
    void integersAsLongToString(@ForAll long v) throws Exception {
        assertThat(text(new AsciiRow().integer(v))).isEqualTo(Long.toString(v));
    }

    @Property
    void timestampsAsTimestampText(@ForAll @LongRange(min = -62135596800000000L, max = 253402300799999999L) long micros)
            throws Exception {
        assertThat(text(new AsciiRow().timestamp(micros))).isEqualTo(TimestampText.format(micros));
    }

    @Property
    void oneRowFormatsConsecutiveTimestampsAsTimestampText(
            @ForAll @LongRange(min = -62135596800000000L, max = 253402300000000000L) long start,
            @ForAll @IntRange(min = 0, max = 200_000_000) int step)
            throws Exception {
        // The row keeps the last minute's text: steps within, across and far beyond a minute.
        AsciiRow row = new AsciiRow();
        long micros = start;
        for (int i = 0; i < 50; i++) {
            row.timestamp(micros);
            assertThat(text(row)).isEqualTo(TimestampText.format(micros));
            micros += i % 7 == 0 ? (long) step * 1000 : step / 100;
            micros = Math.min(micros, 253402300799999999L);
        }
    }
}
