package dev.procmon.core;

import java.nio.charset.StandardCharsets;

/**
 * Finds numbers in the {@code key: value} text of {@code /proc} files ({@code io}, {@code status},
 * {@code smaps_rollup}) without creating a String: these are read at every sample, so hand-written.
 */
final class ProcText {

    private ProcText() {}

    /** The ASCII bytes of a key ({@code "rchar:"}). */
    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Returns the first number after the key on the first line that starts with it, or -1 when there
     * is no such line or no number.
     * @param key the line's start, colon included ({@code "read_bytes:"}), as ASCII bytes
     */
    static long value(byte[] text, int length, byte[] key) {
        int line = 0;
        while (line < length) {
            if (startsWith(text, line, length, key)) {
                int i = line + key.length;
                while (i < length && (text[i] == ' ' || text[i] == '\t')) {
                    i++;
                }
                return number(text, i, length);
            }
            while (line < length && text[line] != '\n') {
                line++;
            }
            line++;
        }
        return -1;
    }

    /** Returns the decimal number at {@code i} (up to 18 digits), or -1 if there is none. */
    static long number(byte[] text, int i, int length) {
        long v = 0;
        int digits = 0;
        while (i < length && text[i] >= '0' && text[i] <= '9' && digits < 19) {
            v = v * 10 + (text[i] - '0');
            i++;
            digits++;
        }
        return digits == 0 || digits > 18 ? -1 : v;
    }

    private static boolean startsWith(byte[] text, int at, int length, byte[] key) {
        if (at + key.length > length) {
            return false;
        }
        for (int j = 0; j < key.length; j++) {
            if (text[at + j] != key[j]) {
                return false;
            }
        }
        return true;
    }
}
