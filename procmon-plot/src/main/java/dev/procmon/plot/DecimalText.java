package dev.procmon.plot;

/** Writes numbers with a fixed number of decimals, locale-free, fast and the same on every machine. */
final class DecimalText {

    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private DecimalText() {}

    /** Appends {@code v} rounded to {@code decimals} (0..8) places; NaN and infinities as {@code NaN}. */
    static StringBuilder append(StringBuilder sb, double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return sb.append("NaN");
        }
        long scale = POW10[decimals];
        double scaled = Math.abs(v) * scale;
        if (scaled >= 9e18) {
            return sb.append(v);
        }
        long r = Math.round(scaled);
        if (v < 0 && r != 0) {
            sb.append('-');
        }
        sb.append(r / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(r % scale);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }

    /** Returns {@code v} with {@code decimals} places. */
    static String format(double v, int decimals) {
        return append(new StringBuilder(16), v, decimals).toString();
    }
}
