package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** PNG text in any script: each run of a label gets a font that has its glyphs (issue 13). */
class FontFallbackTest {

    private static final String MIXED = "loading 数据 (データ) done";

    @Test
    void aRunTheBaseFontLacksIsDrawnWithAnInstalledFontThatHasIt() {
        List<String> families =
                Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        Assumptions.assumeTrue(families.contains("DejaVu Sans"), "DejaVu Sans is not installed");
        Assumptions.assumeTrue(
                families.stream().anyMatch(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo("数据データ") == -1),
                "no installed font has CJK glyphs (Debian: fonts-noto-cjk)");
        Font latinOnly = new Font("DejaVu Sans", Font.PLAIN, 12);
        assertThat(latinOnly.canDisplayUpTo(MIXED))
                .as("the base font lacks CJK")
                .isNotEqualTo(-1);

        List<FontFallback.Run> runs = new FontFallback(latinOnly).runs(MIXED);

        assertThat(runs).extracting(FontFallback.Run::text).containsExactly("loading ", "数据", " (", "データ", ") done");
        assertThat(runs)
                .allSatisfy(r -> assertThat(r.font().canDisplayUpTo(r.text()))
                        .as(r.text())
                        .isEqualTo(-1));
        assertThat(runs.get(0).font()).isEqualTo(latinOnly);
    }

    @Test
    void textTheBaseFontHasIsOneRun() {
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        assertThat(new FontFallback(base).runs("phase 1")).containsExactly(new FontFallback.Run("phase 1", base));
    }
}
