package dev.procmon.core;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@link ProcessTreeSampler} sample of a tree of {@code size} processes: a shell (the root, one
 * thread, as a build's root usually is) and {@code size - 1} {@code sleep} children, walked through
 * the children files with descriptors kept open. bench/run starts the trees and passes their roots
 * ({@code rootPids}, e.g. {@code 50=1234,500=5678}) so that bench/tree_floor.c walks the very same
 * trees the same way in C in the same run; without it the benchmark starts its own tree. Run with
 * {@code -prof gc} for bytes per sample (budget: 0 in steady state).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class TreeSampleBench {

    @Param({"50", "500"})
    public int size;

    /** Trees started by bench/run: {@code size=pid,...}; empty: start one here. */
    @Param("")
    public String rootPids;

    private Process shell;
    private ProcessTreeSampler tree;
    private final ProcessReading reading = new ProcessReading();

    @Setup(Level.Trial)
    public void startTree() throws IOException, InterruptedException {
        for (String entry : rootPids.split(",")) {
            String[] pair = entry.split("=");
            if (pair.length == 2 && Integer.parseInt(pair[0].trim()) == size) {
                tree = ProcessTreeSampler.open(Long.parseLong(pair[1].trim()), MonitorClock.SYSTEM, ProcRoot.SYSTEM);
                return;
            }
        }
        shell = new ProcessBuilder(
                        "sh", "-c", "i=1; while [ $i -lt " + size + " ]; do sleep 600 & i=$((i+1)); done; wait")
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (shell.children().count() < size - 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the tree of " + size + " did not start");
            }
            Thread.sleep(20);
        }
        tree = ProcessTreeSampler.open(shell.pid(), MonitorClock.SYSTEM, ProcRoot.SYSTEM);
    }

    @TearDown(Level.Trial)
    public void stopTree() throws IOException, InterruptedException {
        tree.close();
        if (shell == null) {
            return; // bench/run's tree: bench/run stops it
        }
        shell.descendants().forEach(ProcessHandle::destroyForcibly);
        shell.destroyForcibly().waitFor();
    }

    @Benchmark
    public long treeSample() throws IOException {
        reading.clear();
        tree.sample(reading);
        if (reading.numProcs != size) {
            throw new IllegalStateException("tree has " + reading.numProcs + " processes, not " + size);
        }
        return reading.rssBytes + reading.userMicros;
    }
}
