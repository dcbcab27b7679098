package dev.procmon.plot;

import dev.procmon.core.LogField;

/**
 * The series plotted and written for one {@link SampleTable}, derived from consecutive samples; the
 * first sample is taken against zero at process start (t = 0, no CPU, no faults). MB is 1,048,576
 * bytes. NaN where an input is missing or a value cannot be true (see {@link CpuRateLimit} and
 * docs/plot.md): a counter that goes back is a reset, drawn as a gap; an impossible CPU step is spread
 * over the following intervals; no derived value is ever infinite or negative.
 *
 * @param x seconds: elapsed time, or wall-clock seconds since 1970 (local time as if UTC) for
 *     {@link TimeAxis#CLOCK}
 * @param rssMb resident set size, MB
 * @param heapMb JVM heap used, MB
 * @param faultsPerSecond delta(pfaults + children_pfaults) / delta(t)
 * @param meanCpu CPU / t * 100, CPU = user + system + children_user + children_system (each when present)
 * @param instantCpu delta(CPU) / delta(t) * 100
 * @param cores the core count the CPU rates were held to
 */
record DerivedSeries(double[] x, double[] rssMb, double[] heapMb, double[] faultsPerSecond, double[] meanCpu,
        double[] instantCpu, int cores) {

    static final double MB = 1024.0 * 1024.0;

    static DerivedSeries of(SampleTable t, TimeAxis axis) {
        return of(t, axis, 0);
    }

    /** @param cores the recording machine's cores, or 0 to estimate them (see {@link CpuRateLimit#cores}) */
    static DerivedSeries of(SampleTable t, TimeAxis axis, int cores) {
        int n = t.size();
        double[] x = new double[n];
        double[] rss = new double[n];
        double[] heap = new double[n];
        double[] faults = new double[n];
        double[] mean = new double[n];
        double[] time = new double[n];
        double[] cpu = new double[n];
        double prevT = 0;
        double prevFaults = 0;
        DoubleColumn elapsed = t.column(LogField.ELAPSED_TIME);
        DoubleColumn rssColumn = t.column(LogField.RSS);
        DoubleColumn heapColumn = t.column(LogField.HEAP_USED);
        DoubleColumn user = t.column(LogField.USER);
        DoubleColumn system = t.column(LogField.SYSTEM);
        DoubleColumn childrenUser = t.column(LogField.CHILDREN_USER);
        DoubleColumn childrenSystem = t.column(LogField.CHILDREN_SYSTEM);
        DoubleColumn pfaults = t.column(LogField.PFAULTS);
        DoubleColumn childrenPfaults = t.column(LogField.CHILDREN_PFAULTS);
        for (int i = 0; i < n; i++) {
            time[i] = elapsed.get(i);
            long stamp = t.timestamp.get(i);
            x[i] = axis == TimeAxis.ELAPSED ? time[i]
                    : stamp == Sample.NO_TIMESTAMP ? Double.NaN : stamp / 1e6;
            rss[i] = finite(rssColumn.get(i) / MB);
            heap[i] = finite(heapColumn.get(i) / MB);
            // CPU of the process (tree): user + system + children's, each when the log has it (the
            // JDK-only fallback writes total CPU as user alone).
            cpu[i] = user.get(i) + orZero(system.get(i)) + orZero(childrenUser.get(i)) + orZero(childrenSystem.get(i));
            double dt = time[i] - prevT;
            double pf = pfaults.get(i) + orZero(childrenPfaults.get(i));
            // A fault count that goes back is a reset (a counter wrapped, a process left the tree): a gap.
            faults[i] = dt > 0 && pf >= prevFaults ? finite((pf - prevFaults) / dt) : Double.NaN;
            prevT = time[i];
            if (!Double.isNaN(pf)) {
                prevFaults = pf;
            }
        }
        int c = cores > 0 ? cores : CpuRateLimit.cores(time, cpu);
        double[] instant = CpuRateLimit.rates(time, cpu, c);
        for (int i = 0; i < n; i++) {
            double m = time[i] > 0 ? cpu[i] / time[i] * 100 : Double.NaN;
            mean[i] = m <= CpuRateLimit.limit(c, time[i]) ? m : Double.NaN;
        }
        return new DerivedSeries(x, rss, heap, faults, mean, instant, c);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /**
     * The rate of any other cumulative counter, by the rules of the fault rate: delta(counter) /
     * delta(t), the first sample against zero at t = 0, a counter that goes back a gap; NaN where the
     * counter is missing, and the next rate spans the gap from the last sample that had it (so a
     * counter logged every tenth line still gives true rates).
     */
    static double[] perSecond(double[] time, double[] counter) {
        double[] rate = new double[time.length];
        double prevT = 0;
        double prevCount = 0;
        for (int i = 0; i < time.length; i++) {
            if (Double.isNaN(counter[i])) {
                rate[i] = Double.NaN;
                continue;
            }
            double dt = time[i] - prevT;
            rate[i] = dt > 0 && counter[i] >= prevCount ? finite((counter[i] - prevCount) / dt) : Double.NaN;
            prevT = time[i];
            prevCount = counter[i];
        }
        return rate;
    }
}
