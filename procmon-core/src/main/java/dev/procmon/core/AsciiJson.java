package dev.procmon.core;

/**
 * The two JSON values of a sample line that are more than {@code append(long)}: seconds from
 * microseconds and an escaped string, appended to a reused builder without allocating. Hand-written
 * because they run at every tick inside other people's programs (see {@link SampleLineWriter}).
 */
final class AsciiJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AsciiJson() {}

    /** Appends microseconds (not negative) as seconds with up to six decimals ({@code 0.0}, {@code 12.427716}). */
    static void seconds(StringBuilder b, long micros) {
        b.append(micros / 1_000_000).append('.');
        int fraction = (int) (micros % 1_000_000);
        int digits = 6;
        while (digits > 1 && fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        for (int divisor = pow10(digits - 1); divisor > 0; divisor /= 10) {
            b.append((char) ('0' + fraction / divisor % 10));
        }
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    /**
     * Appends a JSON string in pure ASCII: quotes, backslashes, controls and all non-ASCII are
     * escaped. Text longer than {@code maxLength} is cut (never inside a surrogate pair) and ends
     * with an escaped ellipsis.
     */
    static void string(StringBuilder b, String text, int maxLength) {
        b.append('"');
        int length = Math.min(text.length(), maxLength);
        if (length < text.length() && Character.isHighSurrogate(text.charAt(length - 1))) {
            length--;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append("\\u")
                                .append(HEX[c >> 12 & 0xf])
                                .append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf])
                                .append(HEX[c & 0xf]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        if (length < text.length()) {
            b.append("\\u2026");
        }
        b.append('"');
    }
}
