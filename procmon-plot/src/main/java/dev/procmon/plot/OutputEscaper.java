package dev.procmon.plot;

/**
 * Makes label, title and file name text safe for each output it reaches. Every text from a log goes
 * through exactly one of these before it is written.
 */
final class OutputEscaper {

    private OutputEscaper() {}

    /**
     * For the trailing {@code # comment} of a {@code .dat} row: line and paragraph separators, NEL and
     * every other control character become a space, so the text cannot end the row.
     */
    static String datComment(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(isLineBreakOrControl(c) ? ' ' : c));
        return sb.toString();
    }

    /** Characters never written literally into a gnuplot script, see {@link #gnuplotString}. */
    private static final String GNUPLOT_SPECIAL = "'\"@`\\$!";

    /**
     * A gnuplot string expression made of single-quoted strings: in single quotes gnuplot substitutes
     * nothing (no backquote command, no backslash escape). Quotes, {@code @}, backquotes, backslashes,
     * {@code $} and {@code !} are not written literally at all but as concatenated octal escapes
     * ({@code ' . "\047" . '}): gnuplot expands {@code @macros} before it parses strings, and its
     * macro scanner loses track of quoting at a quote inside a double-quoted string, so a literal
     * {@code '} followed by {@code @GPVAL_PWD} could splice an outside path (or worse) into the command.
     * Control characters and line breaks (which would end the command) become spaces; characters XML
     * cannot hold are dropped and {@code ]]>} is broken up, so gnuplot's SVG stays well-formed.
     */
    static String gnuplotString(String s) {
        // gnuplot copies text into its SVG (and other XML) output: "]]>" could end a CDATA section,
        // and characters XML 1.0 forbids (lone surrogates, U+FFFE, U+FFFF) make the file ill-formed.
        s = s.replace("]]>", "]] >");
        StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
        s.codePoints().forEach(c -> {
            if ((Character.isSurrogate((char) c) && c <= 0xFFFF) || c == 0xFFFE || c == 0xFFFF) {
                return;
            }
            if (GNUPLOT_SPECIAL.indexOf(c) >= 0) {
                sb.append("' . \"\\").append(String.format("%03o", c)).append("\" . '");
            } else {
                sb.appendCodePoint(isLineBreakOrControl(c) ? ' ' : c);
            }
        });
        return sb.append('\'').toString();
    }

    /**
     * Text content or attribute value for XML 1.0: {@code < > & " '} as entities, characters illegal
     * in XML 1.0 (most C0 controls, lone surrogates, U+FFFE/U+FFFF) dropped, line breaks as spaces.
     */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
                continue;
            }
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (isLineBreakOrControl(c)) {
                        if (c == '\n' || c == '\r' || c == '\t' || c == 0x85 || c == 0x2028 || c == 0x2029) {
                            sb.append(' ');
                        }
                    } else if (!Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A file name made of {@code [A-Za-z0-9._-]} only, other characters as {@code _}. */
    static String fileName(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '-'
                    || c == '_';
            sb.append(ok ? c : '_');
        }
        String r = sb.toString();
        return r.isEmpty() || r.startsWith(".") ? "_" + r : r;
    }

    /** Plain text for Java2D: line breaks and control characters as spaces. */
    static String plain(String s) {
        return datComment(s);
    }

    private static boolean isLineBreakOrControl(int c) {
        // A lone surrogate (codePoints() yields one only unpaired) cannot be written as UTF-8 at all:
        // it becomes a space like a control character instead of failing the whole plot.
        return c < 0x20
                || c == 0x7f
                || (c >= 0x80 && c <= 0x9f)
                || c == 0x2028
                || c == 0x2029
                || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }
}
