package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void controlsLineBreaksAndInvisibleFormatCharactersAreEscaped() {
        assertThat(TerminalText.of("a\u001b[31mb\nc\rd\u0085e\u2028f\u202eg\u200bh\u0000"))
                .isEqualTo("a\\u001b[31mb\\u000ac\\u000dd\\u0085e\\u2028f\\u202eg\\u200bh\\u0000");
    }

    @Test
    void printableTextAndSurrogatePairsStayAsTheyAre() {
        assertThat(TerminalText.of("caf\u00e9 \ud83d\ude00 <b>&")).isEqualTo("caf\u00e9 \ud83d\ude00 <b>&");
        assertThat(TerminalText.of("lone \ud83d and \ude00")).isEqualTo("lone \\ud83d and \\ude00");
        assertThat(TerminalText.quoted("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    }
}
