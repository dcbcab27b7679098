package dev.procmon.core;

import java.io.IOException;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 7, item 1: the cost of one sample of this JVM, and of its parts, as the ProcMon thread
 * takes it at every tick ({@code ProcessMonitor.tick}): the {@code /proc/self/stat} read and parse,
 * the JVM beans, the JSON line into the reused buffer. Run with {@code -prof gc} for bytes/op.
 * The C floors (bench/floor.c) are measured by bench/run in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SampleBench {

    private final MonitorClock clock = MonitorClock.SYSTEM;
    private ProcStatReader reader;
    private final ProcStat stat = new ProcStat();
    private ProcStatSampler sampler;
    private JvmStats jvm;
    private final Sample sample = new Sample();
    private final SampleLineWriter writer = new SampleLineWriter(ZoneId.systemDefault());

    @Setup(Level.Trial)
    public void open() throws IOException {
        long self = ProcessHandle.current().pid();
        reader = ProcStatReader.forPid(ProcRoot.SYSTEM, self);
        sampler = ProcStatSampler.open(self, clock, ProcRoot.SYSTEM);
        jvm = new JvmStats();
        // One full sample so the formatter's day/offset cache is warm, as it is after the first tick.
        fullSample();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        reader.close();
        sampler.close();
    }

    /** The /proc read + parse alone: compare with the C kept-open pread floor (budget 1.5x). */
    @Benchmark
    public long readParse() throws IOException {
        reader.read(stat);
        return stat.utime + stat.rssPages;
    }

    /** One full sample: /proc, JVM beans, JSON line (budget 2.5x the kept-open floor). */
    @Benchmark
    public int fullSample() throws IOException {
        sample.clear();
        sampler.sample(sample);
        jvm.sample(sample);
        return format();
    }

    /** The sampler and formatter without the JVM beans: the part budgeted at 0 B/op. */
    @Benchmark
    public int samplerAndFormat() throws IOException {
        sample.clear();
        sampler.sample(sample);
        return format();
    }

    /** The JVM beans alone (heap, non-heap, GC, threads); the non-heap MemoryUsage is allocated by design. */
    @Benchmark
    public long jvmBeans() {
        jvm.sample(sample);
        return sample.nonHeapUsed + sample.threads;
    }

    /** The JSON line alone, from a filled sample. */
    @Benchmark
    public int formatOnly() {
        return format();
    }

    private int format() {
        long now = clock.nanoTime();
        return writer.format(LogFormat.MARKER, sample, clock.epochMicros(), now - sample.processStartNanos,
                null, 0).length();
    }
}
