package dev.procmon.plot;

/**
 * The series plotted and written for one {@link SampleTable}, derived from consecutive samples; the
 * first sample is taken against zero at process start (t = 0, no CPU, no faults). MB is 1,048,576
 * bytes. NaN where an input is missing.
 *
 * @param x seconds: elapsed time, or wall-clock seconds since 1970 (local time as if UTC) for
 *     {@link TimeAxis#CLOCK}
 * @param rssMb resident set size, MB
 * @param heapMb JVM heap used, MB
 * @param faultsPerSecond delta(pfaults) / delta(t)
 * @param meanCpu (user + system) / t * 100
 * @param instantCpu delta(user + system) / delta(t) * 100
 */
record DerivedSeries(double[] x, double[] rssMb, double[] heapMb, double[] faultsPerSecond, double[] meanCpu,
        double[] instantCpu) {

    static final double MB = 1024.0 * 1024.0;

    static DerivedSeries of(SampleTable t, TimeAxis axis) {
        int n = t.size();
        double[] x = new double[n];
        double[] rss = new double[n];
        double[] heap = new double[n];
        double[] faults = new double[n];
        double[] mean = new double[n];
        double[] instant = new double[n];
        double prevT = 0;
        double prevFaults = 0;
        double prevCpu = 0;
        for (int i = 0; i < n; i++) {
            double time = t.elapsed.get(i);
            long stamp = t.timestamp.get(i);
            x[i] = axis == TimeAxis.ELAPSED ? time
                    : stamp == Sample.NO_TIMESTAMP ? Double.NaN : stamp / 1e6;
            rss[i] = t.rss.get(i) / MB;
            heap[i] = t.heapUsed.get(i) / MB;
            // A log without system time (the JDK-only fallback writes total CPU as user) counts user alone.
            double system = t.system.get(i);
            double cpu = t.user.get(i) + (Double.isNaN(system) ? 0 : system);
            double dt = time - prevT;
            double pf = t.pfaults.get(i);
            faults[i] = dt > 0 ? (pf - prevFaults) / dt : Double.NaN;
            instant[i] = dt > 0 ? (cpu - prevCpu) / dt * 100 : Double.NaN;
            mean[i] = time > 0 ? cpu / time * 100 : Double.NaN;
            prevT = time;
            if (!Double.isNaN(pf)) {
                prevFaults = pf;
            }
            if (!Double.isNaN(cpu)) {
                prevCpu = cpu;
            }
        }
        return new DerivedSeries(x, rss, heap, faults, mean, instant);
    }
}
