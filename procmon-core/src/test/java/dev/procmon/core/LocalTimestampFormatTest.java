package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LocalTimestampFormatTest {

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern(LogFormat.TIMESTAMP_PATTERN);

    private static void assertAgreesWithJavaTime(ZoneId zone, long[] micros) {
        LocalTimestampFormat format = new LocalTimestampFormat(zone);
        StringBuilder out = new StringBuilder();
        for (long m : micros) {
            out.setLength(0);
            format.append(m, out);
            Instant instant =
                    Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1_000L);
            assertThat(out.toString()).as("%s in %s", instant, zone).isEqualTo(REFERENCE.format(instant.atZone(zone)));
        }
    }

    @Test
    void agreesWithJavaTimeAcrossMidnightsAndDaylightSavingChanges() {
        // Walk across two DST changes in 10-minute steps, in order, as a monitor would.
        long start = Instant.parse("2026-03-07T00:00:00Z").getEpochSecond() * 1_000_000L + 123_456;
        long[] micros = new long[6 * 24 * 240];
        for (int i = 0; i < micros.length; i++) {
            micros[i] = start + i * 600_000_000L + i;
        }
        for (String zone :
                new String[] {"Europe/London", "America/New_York", "Australia/Lord_Howe", "UTC", "Asia/Kathmandu"}) {
            assertAgreesWithJavaTime(ZoneId.of(zone), micros);
        }
    }

    @Test
    void agreesWithJavaTimeForRandomInstantsInAnyOrder() {
        Random random = new Random(42);
        long[] micros = new long[20_000];
        for (int i = 0; i < micros.length; i++) {
            micros[i] = (long) (random.nextDouble() * 4_000_000_000L) * 1_000_000L + random.nextInt(1_000_000);
        }
        assertAgreesWithJavaTime(ZoneId.of("Europe/Berlin"), micros);
    }
}
