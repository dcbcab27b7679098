package dev.procmon.plot;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An axis range rounded out to nice ticks: steps of 1, 2 or 5 times a power of ten, or for clock
 * time whole seconds, minutes, hours, days, or a nice number of days. Any finite input range, however
 * absurd (1e308), gives a finite scale with at most {@link #MAX_TICKS} ticks.
 */
record AxisScale(double min, double max, double step, boolean clock) {

    /** The most ticks an axis gets, whatever its range. */
    static final int MAX_TICKS = 40;
    /** Inputs are clamped to this magnitude so that range, step and rounding stay finite. */
    static final double LIMIT = 1e300;

    private static final double DAY = 86400;
    private static final double[] CLOCK_STEPS = {
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, DAY, 2 * DAY, 7 * DAY
    };
    /** Seconds since 1970 beyond which a clock tick is shown as a number (LocalDateTime's range ends near year 1e9). */
    private static final double CLOCK_TEXT_LIMIT = 3e11;

    /** A scale from {@code lo} to {@code hi} with about {@code target} intervals. */
    static AxisScale nice(double lo, double hi, int target) {
        lo = clamp(lo);
        hi = clamp(hi);
        if (!(hi > lo)) {
            hi = lo + (lo == 0 ? 1 : Math.abs(lo) * 0.1);
        }
        double step = niceStep((hi - lo) / target);
        double min = Math.floor(lo / step + 1e-9) * step;
        double max = Math.ceil(hi / step - 1e-9) * step;
        if (!(max > min)) {
            // The range is below the resolution of a double at this magnitude: one step around lo.
            min = lo;
            max = Math.nextUp(lo + step);
        }
        return new AxisScale(min, max, step, false);
    }

    /** A clock-time scale (seconds since 1970) from {@code lo} to {@code hi}. */
    static AxisScale clock(double lo, double hi, int target) {
        lo = clamp(lo);
        hi = clamp(hi);
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double raw = (hi - lo) / target;
        double step = 0;
        for (double s : CLOCK_STEPS) {
            if (s >= raw) {
                step = s;
                break;
            }
        }
        if (step == 0) {
            step = niceStep(raw / DAY) * DAY;
        }
        return new AxisScale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step, true);
    }

    private static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(-LIMIT, Math.min(LIMIT, v));
    }

    /** Returns the tick values, at most {@link #MAX_TICKS} (every k-th step if the range holds more). */
    List<Double> ticks() {
        double n = Math.floor((max - min) / step + 0.5);
        long every = n <= MAX_TICKS ? 1 : (long) Math.ceil(n / MAX_TICKS);
        List<Double> ticks = new ArrayList<>();
        for (long i = 0; i <= n && ticks.size() < MAX_TICKS + 1; i += every) {
            ticks.add(min + i * step);
        }
        return ticks;
    }

    /** Returns the tick text for {@code v}. */
    String label(double v) {
        if (clock && Math.abs(v) < CLOCK_TEXT_LIMIT) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(Math.round(v), 0, ZoneOffset.UTC);
            String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
            return step > 2 * DAY
                    ? t.toLocalDate().toString()
                    : step >= DAY ? t.toLocalDate() + " " + hms.substring(0, 5) : hms;
        }
        if (Math.abs(step) >= 1e9 || Math.abs(v) >= 1e12) {
            return ReadableNumber.number(v);
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return DecimalText.format(Math.abs(v) < step * 1e-6 ? 0 : v, Math.min(decimals, 8));
    }
}
