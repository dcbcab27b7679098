package dev.procmon.core;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The CPU time (user + system of this thread) per operation of the hot paths that bench/run judges,
 * measured as bench/floor.c and bench/tree_floor.c measure their C floors: warm up (JIT), then 21
 * short rounds, median per op. Wall time on a shared machine also counts waiting for a core, which
 * moves by 2x and more between runs; CPU time is what the work costs (and what "% of a core" means).
 * The thread's allocation counter gives the exact bytes allocated per operation over the same
 * rounds (JMH's {@code -prof gc} adds its own per-iteration garbage, which on a busy machine, with
 * few operations per iteration, reads as a fraction of a byte per operation).
 * Usage: CpuCostRun [size=rootPid ...]. Prints one JSON line per operation.
 */
public final class CpuCostRun {

    private static final int ROUNDS = 21;
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static long sink;

    private CpuCostRun() {}

    public static void main(String[] args) throws Exception {
        long self = ProcessHandle.current().pid();
        MonitorClock clock = MonitorClock.SYSTEM;
        try (ProcStatReader reader = ProcStatReader.forPid(ProcRoot.SYSTEM, self);
                ProcStatSampler sampler = ProcStatSampler.withCounters(self, clock, ProcRoot.SYSTEM, MemoryDetail.RSS);
                ProcStatSampler statOnly = ProcStatSampler.open(self, clock, ProcRoot.SYSTEM)) {
            ProcStat stat = new ProcStat();
            JvmStats jvm = new JvmStats();
            ProcessReading reading = new ProcessReading();
            SampleLineWriter writer = new SampleLineWriter(ZoneId.systemDefault());
            measure("readParse", 4000, () -> {
                try {
                    reader.read(stat);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return stat.utime + stat.rssPages;
            });
            measure("samplerAndFormat", 4000, () -> {
                reading.clear();
                try {
                    sampler.sample(reading);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                long now = clock.nanoTime();
                return writer.format(
                                LogFormat.MARKER,
                                reading,
                                clock.epochMicros(),
                                now - reading.processStartNanos,
                                null,
                                0)
                        .length();
            });
            // Issue 12: the sampler before the counters (the stat line alone), the reference of their budget.
            measure("statOnlyAndFormat", 4000, () -> {
                reading.clear();
                try {
                    statOnly.sample(reading);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                long now = clock.nanoTime();
                return writer.format(
                                LogFormat.MARKER,
                                reading,
                                clock.epochMicros(),
                                now - reading.processStartNanos,
                                null,
                                0)
                        .length();
            });
            measure("fullSample", 4000, () -> {
                reading.clear();
                try {
                    sampler.sample(reading);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                jvm.sample(reading);
                long now = clock.nanoTime();
                return writer.format(
                                LogFormat.MARKER,
                                reading,
                                clock.epochMicros(),
                                now - reading.processStartNanos,
                                null,
                                0)
                        .length();
            });
        }
        for (String arg : args) {
            String[] pair = arg.split("=");
            int size = Integer.parseInt(pair[0]);
            long root = Long.parseLong(pair[1]);
            try (ProcessTreeSampler tree = ProcessTreeSampler.open(root, clock, ProcRoot.SYSTEM)) {
                measureTree("tree:" + size, tree, size);
            }
            // The monitor's own tree path (includeChildren): every counter summed over the members,
            // read at the monitor's rate (I/O and status every tenth sample).
            try (ProcessTreeSampler tree =
                    ProcessTreeSampler.withCounters(root, clock, ProcRoot.SYSTEM, MemoryDetail.RSS)) {
                measureTree("treeCounters:" + size, tree, size);
            }
        }
        System.err.println(sink == 42 ? "" : ""); // keeps the results live
    }

    /** Samples a tree of {@code size} processes, checking that it has them all. */
    private static void measureTree(String name, ProcessTreeSampler tree, int size) {
        ProcessReading s = new ProcessReading();
        measure(name, Math.max(4, 20_000 / size), () -> {
            s.clear();
            try {
                tree.sample(s);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            if (s.numProcs != size) {
                throw new IllegalStateException("tree has " + s.numProcs + " processes, not " + size);
            }
            return s.rssBytes;
        });
    }

    private static void measure(String name, int opsPerRound, LongSupplier op) {
        long warmUntil = System.nanoTime() + 2_000_000_000L; // C2 compiles the loop and the path
        while (System.nanoTime() < warmUntil) {
            for (int i = 0; i < opsPerRound; i++) {
                sink += op.getAsLong();
            }
        }
        double[] cpu = new double[ROUNDS];
        double[] wall = new double[ROUNDS];
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        for (int r = 0; r < ROUNDS; r++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < opsPerRound; i++) {
                sink += op.getAsLong();
            }
            wall[r] = (double) (System.nanoTime() - t0) / opsPerRound;
            cpu[r] = (double) (THREADS.getCurrentThreadCpuTime() - c0) / opsPerRound;
        }
        allocated = THREADS.getCurrentThreadAllocatedBytes() - allocated;
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(
                "{\"op\": \"%s\", \"cpu_ns\": %.1f, \"cpu_ns_min\": %.1f, \"wall_ns\": %.1f, "
                        + "\"ops\": %d, \"bytes\": %d}%n",
                name, cpu[ROUNDS / 2], cpu[0], wall[ROUNDS / 2], (long) ROUNDS * opsPerRound, allocated);
    }
}
