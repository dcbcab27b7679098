package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A line without {@code rss} (JFR recordings of JDK 20 and older have no RSS, issue 15) is a sample
 * when it has CPU or heap, by both parsing paths; with neither it is still malformed.
 */
class RssOptionalTest {

    private static boolean[] parse(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        Sample combined = new Sample();
        Sample jackson = new Sample();
        // The fast path hands what it does not handle to Jackson: parse() is what the reader calls.
        boolean combinedOk = new SampleLineParser().parse(b, 0, b.length, combined);
        boolean jacksonOk = new SampleLineParser().parseWithJackson(b, 0, b.length, jackson);
        if (jacksonOk) {
            assertThat(Double.isNaN(jackson.get(dev.procmon.core.LogField.RSS))).isTrue();
        }
        return new boolean[] {combinedOk, jacksonOk};
    }

    @Test
    void cpuOrHeapWithoutRssIsASampleAndNeitherIsNot() {
        assertThat(parse("{\"memory_info\": {}, \"cpu_times\": {\"user\": 1.5}, \"elapsed_time\": 2.0, \"pid\": 7}"))
                .containsExactly(true, true);
        assertThat(parse("{\"memory_info\": {}, \"cpu_times\": {}, \"elapsed_time\": 2.0, \"pid\": 7, "
                        + "\"jvm\": {\"heap_used\": 100}}"))
                .containsExactly(true, true);
        assertThat(parse("{\"memory_info\": {}, \"cpu_times\": {}, \"elapsed_time\": 2.0, \"pid\": 7}"))
                .containsExactly(false, false);
        // The shape the fast path takes itself: a full line less its rss.
        String full = "{\"timestamp\": \"2026-11-26 04:24:20.354043\", \"memory_info\": {\"vms\": 9190416384, "
                + "\"pfaults\": 20230, \"pageins\": 1}, \"cpu_times\": {\"user\": 0.23, \"system\": 0.04}, "
                + "\"elapsed_time\": 0.535096, \"pid\": 24731}";
        byte[] b = full.getBytes(StandardCharsets.UTF_8);
        assertThat(new SampleLineFastPath().parse(b, 0, b.length, new Sample())).isTrue();
    }
}
