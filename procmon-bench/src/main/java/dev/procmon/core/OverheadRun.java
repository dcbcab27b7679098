package dev.procmon.core;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Issue 7, item 2: overhead on the monitored program. A single-threaded CPU-bound workload is run
 * with no monitor and with a monitor (this JVM, JVM beans on, lines to /dev/null through the file
 * sink) at 1 s, 0.1 s and 0.01 s, the configurations interleaved round by round so that drifts in
 * the machine's load hit them all alike. Reported per configuration: the median wall time of the
 * workload, and the CPU time of the ProcMon thread (ThreadMXBean) as a percentage of wall time,
 * which is much less noisy than the slowdown on a shared machine; and the workload thread's own CPU
 * time, whose slowdown shows what the monitor costs the workload's core (caches, interruptions)
 * without the other engineers' builds in it.
 *
 * <p>Usage: {@code OverheadRun [rounds] [workMillis]}. Prints one JSON object per configuration.
 */
public final class OverheadRun {

    private static final long[] INTERVALS_MS = {0, 1000, 100, 10};
    private static volatile long sink;

    private OverheadRun() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long workMillis = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        // Calibrate the workload to about workMillis of wall time, after warming it up.
        long units = 1;
        work(1000);
        while (true) {
            long t0 = System.nanoTime();
            work(units);
            long took = System.nanoTime() - t0;
            if (took > 200_000_000L) {
                units = Math.max(1, units * workMillis * 1_000_000L / took);
                break;
            }
            units *= 2;
        }
        // Warm up the monitor's code paths (a few hundred ticks, so the JIT has compiled them, as it
        // has in a program monitored for more than a few seconds).
        runOnce(10, units, threads);

        int n = INTERVALS_MS.length;
        double[][] wall = new double[n][rounds];
        double[][] monitorCpu = new double[n][rounds];
        double[][] workCpu = new double[n][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int c = 0; c < n; c++) {
                // Rotate the order each round so no configuration always runs first.
                int cfg = (c + r) % n;
                double[] m = runOnce(INTERVALS_MS[cfg], units, threads);
                wall[cfg][r] = m[0];
                workCpu[cfg][r] = m[1];
                monitorCpu[cfg][r] = m[2];
            }
        }
        double base = median(wall[0]);
        double baseCpu = median(workCpu[0]);
        // Noise: the spread of the no-monitor runs, (max - min) / median.
        double[] sorted = wall[0].clone();
        Arrays.sort(sorted);
        double noise = (sorted[sorted.length - 1] - sorted[0]) / base;
        double[] sortedCpu = workCpu[0].clone();
        Arrays.sort(sortedCpu);
        double cpuNoise = (sortedCpu[sortedCpu.length - 1] - sortedCpu[0]) / baseCpu;
        for (int c = 0; c < n; c++) {
            double w = median(wall[c]);
            // The ProcMon thread's CPU per wall, per round; judged on the median (a busy spell in one
            // round moved the mean by half).
            double[] pct = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                pct[r] = monitorCpu[c][r] / wall[c][r] * 100;
            }
            double cpuPct = median(pct);
            Arrays.sort(pct);
            System.out.printf(
                    Locale.ROOT,
                    "{\"interval_ms\": %d, \"rounds\": %d, \"work_wall_s\": %.4f, \"slowdown_pct\": %.3f,"
                            + " \"work_cpu_slowdown_pct\": %.3f, \"noise_pct\": %.3f, \"monitor_cpu_pct_of_wall\": %.5f,"
                            + " \"monitor_cpu_us_per_tick\": %.1f, \"work_cpu_noise_pct\": %.3f,"
                            + " \"monitor_cpu_pct_min\": %.5f, \"monitor_cpu_pct_max\": %.5f}%n",
                    INTERVALS_MS[c],
                    rounds,
                    w / 1e9,
                    (w / base - 1) * 100,
                    (median(workCpu[c]) / baseCpu - 1) * 100,
                    noise * 100,
                    cpuPct,
                    INTERVALS_MS[c] == 0 ? 0 : cpuPct / 100 * INTERVALS_MS[c] * 1000,
                    cpuNoise * 100,
                    pct[0],
                    pct[rounds - 1]);
        }
    }

    /** Returns {workload wall ns, workload thread CPU ns, ProcMon thread CPU ns}. */
    private static double[] runOnce(long intervalMs, long units, ThreadMXBean threads) {
        ProcessMonitor monitor = null;
        long monitorThread = -1;
        if (intervalMs > 0) {
            monitor = ProcessMonitor.builder()
                    .interval(Duration.ofMillis(intervalMs))
                    .file(Path.of("/dev/null"))
                    .start();
            monitorThread = findThread(ProcessMonitor.THREAD_NAME);
        }
        long cpu0 = monitorThread < 0 ? 0 : threads.getThreadCpuTime(monitorThread);
        long work0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        work(units);
        long wall = System.nanoTime() - t0;
        long workCpu = threads.getCurrentThreadCpuTime() - work0;
        long cpu = monitorThread < 0 ? 0 : threads.getThreadCpuTime(monitorThread) - cpu0;
        if (monitor != null) {
            monitor.close();
        }
        return new double[] {wall, workCpu, cpu};
    }

    private static long findThread(String name) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (name.equals(t.getName())) {
                    return t.getId();
                }
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("no thread named " + name);
    }

    /** CPU-bound, allocation-free, not optimisable away: an xorshift walk over a small array. */
    private static void work(long units) {
        long[] table = new long[4096];
        long x = 88172645463325252L;
        for (long u = 0; u < units; u++) {
            for (int i = 0; i < table.length; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                table[i] += x;
            }
        }
        long s = 0;
        for (long v : table) {
            s += v;
        }
        sink = s;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
