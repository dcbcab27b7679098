package dev.procmon.plot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/**
 * JSON that can sit inside an HTML {@code <script type="application/json">} block whatever the text
 * it carries: {@code <}, {@code >}, {@code &} and DEL are written as {@code <}-style escapes (so
 * neither {@code </script>} nor {@code <!--} can appear), every non-ASCII character as {@code \\uXXXX}
 * (so U+2028, U+2029 and lone surrogates are escapes, never raw characters). The page reads it with
 * {@code JSON.parse}, which restores the text exactly; it becomes text nodes, never markup.
 */
final class ScriptJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
            .build()
            .setCharacterEscapes(new HtmlEscapes());

    private ScriptJson() {}

    /** Returns a generator writing script-safe JSON to {@code out}; closing it does not close {@code out}. */
    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /** Jackson's standard escapes plus {@code < > &} as Unicode escapes. */
    private static final class HtmlEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        HtmlEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
            escapes[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
