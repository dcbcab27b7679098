package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text in the report's data block can neither end the script element nor be anything but a string. */
final class ScriptJsonTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "</script><script>alert(1)</script>",
                "<!-- <script>",
                "<img src=x onerror=alert(1)>",
                "line\u2028sep\u2029para",
                "lone \uD800 high",
                "lone \uDC00 low",
                "a & b \"quoted\" \\ back",
                "\u0000\u001f\u007f",
                "emoji \uD83D\uDE00 ok",
                "]]> --> <![CDATA["
            })
    void hostileTextIsEscapedAndRoundTrips(String text) throws Exception {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = ScriptJson.generator(w)) {
            g.writeStartObject();
            g.writeStringField("label", text);
            g.writeEndObject();
        }
        String json = w.toString();
        assertThat(json).doesNotContain("<", ">", "&");
        assertThat(json.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            assertThat(p.getText()).isEqualTo(text);
        }
    }
}
