package dev.procmon.plot;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON strings of a sample line for {@link SampleLineFastPath}: printable ASCII with JSON's
 * escapes (labels), or escape-free (the timestamp, kept as characters without a String); anything
 * else is left to Jackson.
 */
final class FastString {

    /** Returned instead of a position: give the line to Jackson. */
    private static final int DEFER = -1;

    /** The last string, decoded (only when asked for). */
    @Nullable
    String text;

    /** The first characters of the last undecoded string, and their count. */
    final char[] chars = new char[32];

    int charCount;
    private final StringBuilder unescaped = new StringBuilder(64);

    /**
     * A string of printable ASCII with JSON's escapes. With {@code decode}, the text is left in
     * {@link #text}. Without, the string must be escape-free, and its first {@link #chars}.length
     * characters are left in {@link #chars}, their count in {@link #charCount} (for the timestamp, which
     * is shorter; a longer string is then too long for {@link TimestampText} too).
     */
    int read(byte[] b, int i, int to, boolean decode) {
        if (i >= to || b[i] != '"') {
            return DEFER;
        }
        int from = ++i;
        byte c = 0;
        while (i < to && (c = b[i]) != '"' && c != '\\' && c >= 0x20) {
            i++;
        }
        if (i >= to) {
            return DEFER;
        }
        if (c == '"') {
            int len = i - from;
            if (decode) {
                text = new String(b, from, len, StandardCharsets.ISO_8859_1);
            } else {
                if (len > chars.length) {
                    len = chars.length; // cannot be a timestamp; TimestampText rejects it by length
                }
                for (int j = 0; j < len; j++) {
                    chars[j] = (char) b[from + j];
                }
                charCount = len;
            }
            return i + 1;
        }
        if (c != '\\' || !decode) {
            return DEFER; // a control character or non-ASCII byte; or an escape in a timestamp
        }
        StringBuilder sb = unescaped;
        sb.setLength(0);
        for (int j = from; j < i; j++) {
            sb.append((char) b[j]);
        }
        while (true) {
            if (i >= to) {
                return DEFER;
            }
            c = b[i];
            if (c == '"') {
                text = sb.toString();
                return i + 1;
            }
            if (c < 0x20) {
                return DEFER;
            }
            if (c != '\\') {
                sb.append((char) c);
                i++;
                continue;
            }
            if (i + 1 >= to) {
                return DEFER;
            }
            switch (b[i + 1]) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 6 > to) {
                        return DEFER;
                    }
                    int v = 0;
                    for (int j = i + 2; j < i + 6; j++) {
                        int h = Character.digit(b[j], 16);
                        if (h < 0) {
                            return DEFER;
                        }
                        v = v << 4 | h;
                    }
                    sb.append((char) v);
                    i += 4;
                }
                default -> {
                    return DEFER;
                }
            }
            i += 2;
        }
    }
}
