package dev.procmon.plot;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Splits a text into runs that each have a font able to draw them: the base font where it can, else
 * the first installed family (Noto and DejaVu faces first) that has the glyph, so CJK, Arabic or emoji
 * text draws as text wherever the machine has a font for it, not as empty boxes. A character no font
 * has stays with the base font. The installed families are looked at once, and only when the base
 * font lacks a character.
 */
final class FontFallback {

    /** A piece of text and the font that draws it. */
    record Run(String text, Font font) {}

    private static volatile @Nullable List<String> families;

    private final Font base;
    private final Map<Integer, Font> chosen = new HashMap<>();

    FontFallback(Font base) {
        this.base = base;
    }

    List<Run> runs(String s) {
        if (base.canDisplayUpTo(s) == -1) {
            return List.of(new Run(s, base));
        }
        List<Run> runs = new ArrayList<>();
        int start = 0;
        Font current = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            Font f = fontFor(cp);
            if (current != null && !f.equals(current)) {
                runs.add(new Run(s.substring(start, i), current));
                start = i;
            }
            current = f;
            i += Character.charCount(cp);
        }
        if (current != null) {
            runs.add(new Run(s.substring(start), current));
        }
        return runs;
    }

    private Font fontFor(int cp) {
        if (base.canDisplay(cp) || Character.isWhitespace(cp)) {
            return base;
        }
        return chosen.computeIfAbsent(cp, c -> {
            for (String family : families()) {
                Font f = new Font(family, base.getStyle(), base.getSize());
                if (f.canDisplay(c)) {
                    return f;
                }
            }
            return base;
        });
    }

    private static List<String> families() {
        List<String> f = families;
        if (f == null) {
            List<String> preferred = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (String name :
                    GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
                String n = name.toLowerCase(Locale.ROOT);
                (n.startsWith("noto sans") || n.startsWith("dejavu sans") ? preferred : rest).add(name);
            }
            preferred.addAll(rest);
            f = List.copyOf(preferred);
            families = f;
        }
        return f;
    }
}
