package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.util.Arrays;

/** What both parsers check once a line is read: every required number of the schema is there. */
final class SampleCheck {

    private static final int[] REQUIRED = Arrays.stream(LogField.values())
            .filter(f -> f.required() && f.isNumber()).mapToInt(Enum::ordinal).toArray();

    private SampleCheck() {
    }

    static boolean hasRequired(Sample s) {
        for (int i : REQUIRED) {
            if (Double.isNaN(s.values[i])) {
                return false;
            }
        }
        return true;
    }
}
