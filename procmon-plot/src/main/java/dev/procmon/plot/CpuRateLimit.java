package dev.procmon.plot;

/**
 * What CPU rate can be true: a process (tree) uses at most {@code cores x 100 %}, plus one clock tick
 * ({@link #TICK} s) per interval, because the kernel counts CPU time in whole ticks. A step above that
 * (a clock jump, a corrupt line, an old log whose reading and time stamp were taken apart) is not a
 * spike: the interval is merged with the following ones until their average is possible, and that
 * average is drawn for all of them (the CPU seconds stay where they were counted, in total). If no
 * later sample makes it possible, the intervals are a gap. A cumulative CPU that goes back is a reset:
 * that interval is a gap and counting starts again from the new value.
 */
final class CpuRateLimit {

    /** One clock tick, s (USER_HZ = 100 on Linux). */
    static final double TICK = 0.01;
    /** Windows of at least this many seconds estimate how many cores a log's machine had. */
    static final double WINDOW = 10;
    /** The most cores estimated from a log. */
    static final int MAX_CORES = 4096;

    private CpuRateLimit() {
    }

    /** @return the largest possible rate, %, over an interval of {@code dt} seconds */
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

    /** @return the instantaneous CPU %, per the rules above (NaN: a gap) */
    static double[] rates(double[] time, double[] cpu, int cores) {
        int n = time.length;
        double[] r = new double[n];
        double prevT = 0;
        double prevCpu = 0;
        int i = 0;
        while (i < n) {
            double dt = time[i] - prevT;
            if (Double.isNaN(cpu[i]) || !(dt > 0)) {
                r[i] = Double.NaN;
                if (dt > 0 || Double.isNaN(time[i])) {
                    prevT = Double.isNaN(time[i]) ? prevT : time[i];
                }
                i++;
                continue;
            }
            double dc = cpu[i] - prevCpu;
            if (dc < 0) {
                r[i] = Double.NaN;
                prevT = time[i];
                prevCpu = cpu[i];
                i++;
                continue;
            }
            double rate = dc / dt * 100;
            if (rate <= limit(cores, dt)) {
                r[i] = rate;
                prevT = time[i];
                prevCpu = cpu[i];
                i++;
                continue;
            }
            // Impossible: merge with the following intervals until the average is possible.
            int j = i + 1;
            double avg = Double.NaN;
            while (j < n) {
                if (Double.isNaN(cpu[j]) || cpu[j] < cpu[j - 1] || !(time[j] > time[j - 1])) {
                    break;
                }
                double span = time[j] - prevT;
                double a = (cpu[j] - prevCpu) / span * 100;
                if (a <= limit(cores, span)) {
                    avg = a;
                    break;
                }
                j++;
            }
            int end = Double.isNaN(avg) ? j - 1 : j;
            for (int k = i; k <= end && k < n; k++) {
                r[k] = avg;
            }
            int last = Math.min(end, n - 1);
            prevT = time[last];
            prevCpu = cpu[last];
            i = last + 1;
        }
        return r;
    }
}
