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
 * takes it at every tick ({@code SamplingLoop}): the {@code /proc/self/stat} read and parse,
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
    /** The monitor's default sampler: the stat line and the counters of {@link ProcessCounters}. */
    private ProcStatSampler sampler;
    /** The stat line alone: the sampler before issue 12's counters. */
    private ProcStatSampler statOnly;
    /** The default sampler plus PSS/USS (smaps_rollup). */
    private ProcStatSampler pss;

    private JvmStats jvm;
    private final ProcessReading reading = new ProcessReading();
    private final SampleLineWriter writer = new SampleLineWriter(ZoneId.systemDefault());

    @Setup(Level.Trial)
    public void open() throws IOException {
        long self = ProcessHandle.current().pid();
        reader = ProcStatReader.forPid(ProcRoot.SYSTEM, self);
        sampler = ProcStatSampler.withCounters(self, clock, ProcRoot.SYSTEM, MemoryDetail.RSS);
        statOnly = ProcStatSampler.open(self, clock, ProcRoot.SYSTEM);
        pss = ProcStatSampler.withCounters(self, clock, ProcRoot.SYSTEM, MemoryDetail.PSS);
        jvm = new JvmStats();
        // One full sample so the formatter's day/offset cache is warm, as it is after the first tick.
        fullSample();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        reader.close();
        sampler.close();
        statOnly.close();
        pss.close();
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
        reading.clear();
        sampler.sample(reading);
        jvm.sample(reading);
        return format();
    }

    /** The sampler and formatter without the JVM beans: the part budgeted at 0 B/op. */
    @Benchmark
    public int samplerAndFormat() throws IOException {
        reading.clear();
        sampler.sample(reading);
        return format();
    }

    /**
     * The sampler as it was before issue 12 (the stat line alone) and the formatter: the reference for
     * the counters' budget (samplerAndFormat may cost at most one more /proc read than this).
     */
    @Benchmark
    public int statOnlyAndFormat() throws IOException {
        reading.clear();
        statOnly.sample(reading);
        return format();
    }

    /** The sampler with PSS/USS ({@code --memory pss}) and the formatter: the cost of asking for it. */
    @Benchmark
    public int pssSamplerAndFormat() throws IOException {
        reading.clear();
        pss.sample(reading);
        return format();
    }

    /** The JVM beans alone (heap, non-heap, GC, threads); the non-heap MemoryUsage is allocated by design. */
    @Benchmark
    public long jvmBeans() {
        jvm.sample(reading);
        return reading.nonHeapUsed + reading.threads;
    }

    /** The JSON line alone, from a filled sample. */
    @Benchmark
    public int formatOnly() {
        return format();
    }

    private int format() {
        long now = clock.nanoTime();
        return writer.format(LogFormat.MARKER, reading, clock.epochMicros(), now - reading.processStartNanos, null, 0)
                .length();
    }
}
