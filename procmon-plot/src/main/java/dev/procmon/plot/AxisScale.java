package dev.procmon.plot;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * An axis range rounded out to nice ticks: steps of 1, 2 or 5 times a power of ten, or for clock
 * time whole seconds, minutes, hours or days.
 */
record AxisScale(double min, double max, double step, boolean clock) {

    private static final double[] CLOCK_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
        10800, 21600, 43200, 86400, 172800, 604800};

    /** A scale from {@code lo} to {@code hi} with about {@code target} intervals. */
    static AxisScale nice(double lo, double hi, int target) {
        if (!(hi > lo)) {
            hi = lo + (lo == 0 ? 1 : Math.abs(lo) * 0.1);
        }
        double raw = (hi - lo) / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
        return new AxisScale(Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step, step, false);
    }

    /** A clock-time scale (seconds since 1970) from {@code lo} to {@code hi}. */
    static AxisScale clock(double lo, double hi, int target) {
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double raw = (hi - lo) / target;
        double step = CLOCK_STEPS[CLOCK_STEPS.length - 1];
        for (double s : CLOCK_STEPS) {
            if (s >= raw) {
                step = s;
                break;
            }
        }
        return new AxisScale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step, true);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long n = Math.round((max - min) / step);
        for (long i = 0; i <= n; i++) {
            ticks.add(min + i * step);
        }
        return ticks;
    }

    /** @return the tick text for {@code v} */
    String label(double v) {
        if (clock) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(Math.round(v), 0, ZoneOffset.UTC);
            String hms = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
            return step >= 86400 ? t.toLocalDate() + " " + hms.substring(0, 5) : hms;
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return DecimalText.format(Math.abs(v) < step * 1e-6 ? 0 : v, Math.min(decimals, 8));
    }
}
