package dev.procmon.plot;

/**
 * TotalDepth's default log layout, {@code <date> <time>,<ms> - - <pid> - (<thread>) - <LEVEL> - }
 * before the marker: where its 2019 sample lines, which have no {@code pid} key, keep the pid.
 */
final class TotalDepthLayout {

    private static final byte[] PID_BEFORE = {' ', '-', ' ', '-', ' '};
    private static final byte[] PID_AFTER = {' ', '-', ' ', '('};
    /** More digits than any pid has; a longer number is not taken for one. */
    private static final int PID_MAX_DIGITS = 10;

    private TotalDepthLayout() {}

    /**
     * The pid in the text before the marker: the first {@code " - - <digits> - ("} there.
     *
     * @return the pid, or -1 if the text does not have that layout
     */
    static long pid(MarkedLine line) {
        return pid(line.bytes, line.lineStart, line.marker);
    }

    /** As {@link #pid(MarkedLine)}, in {@code b[from, to)}. */
    static long pid(byte[] b, int from, int to) {
        for (int i = from; i + PID_BEFORE.length < to; i++) {
            if (!startsWith(b, i, to, PID_BEFORE)) {
                continue;
            }
            int d = i + PID_BEFORE.length;
            long pid = 0;
            int j = d;
            while (j < to && j - d < PID_MAX_DIGITS && b[j] >= '0' && b[j] <= '9') {
                pid = pid * 10 + (b[j] - '0');
                j++;
            }
            if (j > d && startsWith(b, j, to, PID_AFTER)) {
                return pid;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] b, int at, int to, byte[] prefix) {
        if (to - at < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }
}
