package dev.procmon.cli;

/**
 * Text from a log (labels, phase names) made safe for a terminal line: control characters, line
 * breaks and other invisible format characters become {@code \\uXXXX}, so a label can neither
 * forge a line of output nor send escape sequences to the terminal.
 */
final class TerminalText {

    private TerminalText() {}

    static String of(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c)
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.FORMAT
                    || (Character.isSurrogate(c) && !pairAt(s, i))) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String quoted(String s) {
        return '"' + of(s).replace("\"", "\\\"") + '"';
    }

    private static boolean pairAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
