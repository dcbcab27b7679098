package dev.procmon.plot;

/**
 * What CPU rate can be true: a process (tree) uses at most {@code cores x 100 %}, plus one clock tick
 * ({@link #TICK} s) per interval, because the kernel counts CPU time in whole ticks. A step above that
 * (a clock jump, a corrupt line, an old log whose reading and time stamp were taken apart) is not a
 * spike: the interval is merged with its neighbours (the one before first, then after, alternately)
 * until their average is possible, and that average is drawn for all of them (so the CPU seconds drawn
 * add up to those counted). If no neighbour makes it possible, that one interval is a gap. A cumulative
 * CPU that goes back is a reset: that interval is a gap and counting starts again from the new value;
 * merging never crosses a reset or a gap.
 */
final class CpuRateLimit {

    /** One clock tick, s (USER_HZ = 100 on Linux). */
    static final double TICK = 0.01;
    /** Windows of at least this many seconds estimate how many cores a log's machine had. */
    static final double WINDOW = 10;
    /** The most cores estimated from a log. */
    static final int MAX_CORES = 4096;

    private CpuRateLimit() {}

    /** Returns the largest possible rate, %, over an interval of {@code dt} seconds. */
    static double limit(int cores, double dt) {
        return cores * 100.0 + TICK / dt * 100;
    }

    /**
     * Cores when neither the user nor the log says: the larger of this machine's processors and the
     * rate the log sustains over its busiest {@link #WINDOW}-second stretch (in whole cores, a quarter
     * core of slack for skewed readings), at most {@link #MAX_CORES}.
     */
    static int cores(double[] time, double[] cpu) {
        double best = 0;
        int from = 0;
        for (int i = 0; i < time.length; i++) {
            if (Double.isNaN(cpu[i]) || !Double.isFinite(time[i])) {
                continue;
            }
            if (i > 0 && cpu[i] < cpu[i - 1]) {
                from = i;
            }
            while (from < i && (Double.isNaN(cpu[from]) || time[i] - time[from + 1] >= WINDOW)) {
                from++;
            }
            double dt = time[i] - time[from];
            if (dt >= WINDOW && !Double.isNaN(cpu[from])) {
                best = Math.max(best, (cpu[i] - cpu[from]) / dt);
            }
        }
        double estimate = Math.ceil(best - 0.25);
        int machine = Runtime.getRuntime().availableProcessors();
        return (int) Math.max(machine, Math.min(MAX_CORES, estimate));
    }

    /** Returns the instantaneous CPU %, per the rules above (NaN: a gap). */
    static double[] rates(double[] time, double[] cpu, int cores) {
        int n = time.length;
        double[] r = new double[n];
        // Interval i runs from sample i-1 (or the process start: t 0, CPU 0) to sample i.
        int segmentStart = 0;
        for (int i = 0; i < n; i++) {
            if (!usable(time, cpu, i)) {
                r[i] = Double.NaN;
                segmentStart = i + 1;
                continue;
            }
            double rate = (cpu[i] - cpuBefore(cpu, i)) / (time[i] - timeBefore(time, i)) * 100;
            if (rate <= limit(cores, time[i] - timeBefore(time, i))) {
                r[i] = rate;
                continue;
            }
            // Impossible: merge with the neighbouring intervals of the same segment (back first, as a
            // reading taken late leaves its own interval short), until their average is possible.
            int a = i;
            int b = i;
            double avg = Double.NaN;
            while (true) {
                double span = time[b] - timeBefore(time, a);
                double v = (cpu[b] - cpuBefore(cpu, a)) / span * 100;
                if (v <= limit(cores, span)) {
                    avg = v;
                    break;
                }
                boolean canBack = a > segmentStart;
                boolean canForward = b + 1 < n && usable(time, cpu, b + 1);
                if (canBack && (b - i >= i - a || !canForward)) {
                    a--;
                } else if (canForward) {
                    b++;
                } else {
                    break;
                }
            }
            if (Double.isNaN(avg)) {
                r[i] = Double.NaN;
                continue;
            }
            for (int k = a; k <= b; k++) {
                r[k] = avg;
            }
            i = b;
        }
        return r;
    }

    /** Sample i closes a countable interval: its time moved on and its CPU did not go back. */
    private static boolean usable(double[] time, double[] cpu, int i) {
        double dt = time[i] - timeBefore(time, i);
        double dc = cpu[i] - cpuBefore(cpu, i);
        return dt > 0 && dc >= 0;
    }

    private static double timeBefore(double[] time, int i) {
        return i == 0 ? 0 : time[i - 1];
    }

    private static double cpuBefore(double[] cpu, int i) {
        return i == 0 ? 0 : cpu[i - 1];
    }
}
