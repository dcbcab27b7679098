package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.util.Arrays;

/** What both parsers check once a line is read: every required number of the schema is there. */
// EnumOrdinal: the log fields index flat per-sample arrays by ordinal on purpose (no boxing, no map on the hot path).
@SuppressWarnings("EnumOrdinal")
final class SampleCheck {

    private static final int[] REQUIRED = Arrays.stream(LogField.values())
            .filter(f -> f.required() && f.isNumber())
            .mapToInt(Enum::ordinal)
            .toArray();

    private SampleCheck() {}

    static boolean hasRequired(Sample s) {
        for (int i : REQUIRED) {
            if (Double.isNaN(s.values[i]) && !(i == LogField.RSS.ordinal() && hasCpuOrHeap(s))) {
                return false;
            }
        }
        return true;
    }

    /**
     * rss may be missing from a line that has CPU or heap: JFR recordings of JDK 20 and older have no
     * RSS (issue 15), and their lines still plot.
     */
    private static boolean hasCpuOrHeap(Sample s) {
        return !Double.isNaN(s.get(LogField.USER)) || !Double.isNaN(s.get(LogField.HEAP_USED));
    }
}
