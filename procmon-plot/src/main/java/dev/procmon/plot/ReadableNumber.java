package dev.procmon.plot;

import java.util.Locale;

/** Numbers for people: any double, however absurd, as a short text (never 300 digits). */
final class ReadableNumber {

    private ReadableNumber() {}

    /** Returns {@code v} with one decimal below a billion, else like {@code 1.79e+308}; "n/a" for NaN or infinite. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        if (Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
