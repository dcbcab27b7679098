package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.util.function.IntToDoubleFunction;

/**
 * The series plotted and written for one {@link SampleTable}, derived from consecutive samples; the
 * first sample is taken against zero at process start (t = 0, no CPU, no faults). MB is 1,048,576
 * bytes. NaN where an input is missing or a value cannot be true (see {@link CpuRateLimit} and
 * docs/plot.md): a counter that goes back is a reset, drawn as a gap; an impossible CPU step is spread
 * over its neighbours; no derived value is ever infinite or negative.
 *
 * @param x seconds: elapsed time, or wall-clock seconds since 1970 (local time as if UTC) for
 *     {@link TimeAxis#CLOCK}
 * @param rssMb resident set size, MB
 * @param heapMb JVM heap used, MB
 * @param faultsPerSecond delta(pfaults + children_pfaults) / delta(t)
 * @param meanCpu CPU / t * 100, CPU as {@link CpuTime} defines it
 * @param instantCpu delta(CPU) / delta(t) * 100, held to what is possible
 * @param cores the core count the CPU rates were held to
 */
// ArrayRecordComponent: the arrays are the hot, read-only columns handed to the renderers; records are never compared
// or hashed.
@SuppressWarnings("ArrayRecordComponent")
record DerivedSeries(
        double[] x,
        double[] rssMb,
        double[] heapMb,
        double[] faultsPerSecond,
        double[] meanCpu,
        double[] instantCpu,
        int cores) {

    static final double MB = 1024.0 * 1024.0;

    static DerivedSeries of(SampleTable t, TimeAxis axis) {
        return of(t, axis, 0);
    }

    /** @param cores the recording machine's cores, or 0 to estimate them (see {@link CpuRateLimit#cores}) */
    static DerivedSeries of(SampleTable t, TimeAxis axis, int cores) {
        int n = t.size();
        double[] time = new double[n];
        // On the elapsed axis x is the elapsed time itself: one array (a long run's columns are 8 MB each).
        double[] x = axis == TimeAxis.ELAPSED ? time : new double[n];
        double[] rss = new double[n];
        double[] heap = new double[n];
        double[] cpu = new double[n];
        double[] mean = new double[n];
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
            if (axis != TimeAxis.ELAPSED) {
                x[i] = stamp == Sample.NO_TIMESTAMP ? Double.NaN : stamp / 1e6;
            }
            rss[i] = finite(rssColumn.get(i) / MB);
            heap[i] = finite(heapColumn.get(i) / MB);
            cpu[i] = CpuTime.total(user.get(i), system.get(i), childrenUser.get(i), childrenSystem.get(i));
        }
        int c = cores > 0 ? cores : CpuRateLimit.cores(time, cpu);
        double[] instant = CpuRateLimit.rates(time, cpu, c);
        for (int i = 0; i < n; i++) {
            double m = time[i] > 0 ? cpu[i] / time[i] * 100 : Double.NaN;
            // A mean above what the cores can do comes from an impossible step: not drawn.
            mean[i] = m >= 0 && m <= CpuRateLimit.limit(c, time[i]) ? m : Double.NaN;
        }
        double[] faults = perSecond(elapsed, i -> pfaults.get(i) + orZero(childrenPfaults.get(i)));
        return new DerivedSeries(x, rss, heap, faults, mean, instant, c);
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /**
     * The rate of a cumulative counter: delta(counter) / delta(t), the first sample against zero at
     * t = 0; NaN where the counter is missing, and the next rate spans the gap (from the last sample
     * that had the counter, so a counter sampled every tenth line still gives true rates). A counter
     * that goes back is a reset (a process left the tree, a counter wrapped): NaN there, and counting
     * goes on from the new value. A rate that is not finite is NaN.
     */
    static double[] perSecond(double[] time, double[] counter) {
        return perSecond(new DoubleColumn(time, time.length), i -> counter[i]);
    }

    /** As {@link #perSecond(double[], double[])}, of a counter computed per sample (no array of it is made). */
    static double[] perSecond(DoubleColumn time, IntToDoubleFunction counter) {
        int n = time.size();
        double[] rate = new double[n];
        double prevT = 0;
        double prevCount = 0;
        for (int i = 0; i < n; i++) {
            double count = counter.applyAsDouble(i);
            if (Double.isNaN(count)) {
                rate[i] = Double.NaN;
                continue;
            }
            double t = time.get(i);
            double dt = t - prevT;
            double dc = count - prevCount;
            rate[i] = dt > 0 && dc >= 0 ? finite(dc / dt) : Double.NaN;
            prevT = t;
            prevCount = count;
        }
        return rate;
    }
}
