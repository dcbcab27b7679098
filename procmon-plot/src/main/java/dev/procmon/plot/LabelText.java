package dev.procmon.plot;

import org.jspecify.annotations.Nullable;

/**
 * A label as kept in memory: at most {@link #MAX_CHARS} UTF-16 chars (no output shows more, and a log
 * of lines with megabyte labels must not fill the heap), a cut marked with an ellipsis, and lone
 * surrogates (a cut emoji, a {@code surrogateescape} file name) replaced by U+FFFD so every output can
 * encode it.
 */
final class LabelText {

    static final int MAX_CHARS = 4096;

    private LabelText() {}

    static @Nullable String kept(@Nullable String s) {
        if (s == null) {
            return null;
        }
        boolean cut = s.length() > MAX_CHARS;
        int end = cut ? MAX_CHARS - 1 : s.length();
        if (cut && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        StringBuilder sb = null;
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (sb != null) {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (sb == null) {
                    sb = new StringBuilder(end + 1).append(s, 0, i);
                }
                sb.append('\uFFFD');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        if (sb == null) {
            return cut ? s.substring(0, end) + "\u2026" : s;
        }
        return cut ? sb.append('\u2026').toString() : sb.toString();
    }
}
