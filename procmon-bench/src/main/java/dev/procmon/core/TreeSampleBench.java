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
 * the children files with descriptors kept open. bench/tree_floor.c walks a tree of the same shape
 * the same way in C, in the same run; bench/run divides both by the members. Run with
 * {@code -prof gc} for bytes per sample (budget: 0 in steady state).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class TreeSampleBench {

    @Param({"50", "500"})
    public int size;

    private Process shell;
    private ProcessTreeSampler tree;
    private final Sample sample = new Sample();

    @Setup(Level.Trial)
    public void startTree() throws IOException, InterruptedException {
        shell = new ProcessBuilder("sh", "-c", "i=1; while [ $i -lt " + size
                + " ]; do sleep 600 & i=$((i+1)); done; wait").start();
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
        shell.descendants().forEach(ProcessHandle::destroyForcibly);
        shell.destroyForcibly().waitFor();
    }

    @Benchmark
    public long treeSample() throws IOException {
        sample.clear();
        tree.sample(sample);
        if (sample.numProcs != size) {
            throw new IllegalStateException("tree has " + sample.numProcs + " processes, not " + size);
        }
        return sample.rssBytes + sample.userMicros;
    }
}
