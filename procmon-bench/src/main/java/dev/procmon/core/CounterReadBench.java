package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Path;
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
 * Issue 12: each counter source of {@link ProcessCounters} alone, on this JVM, beside the stat line
 * read it is budgeted against (the default sample may cost one more such read).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class CounterReadBench {

    private final ProcessReading reading = new ProcessReading();
    private final ProcStat stat = new ProcStat();
    private ProcStatReader statReader;
    private ProcIoReader io;
    private ProcStatusReader status;
    private FdCount fds;
    private CgroupMemory cgroup;
    private SmapsRollupReader smaps;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path self = Path.of("/proc", Long.toString(ProcessHandle.current().pid()));
        statReader =
                ProcStatReader.forPid(ProcRoot.SYSTEM, ProcessHandle.current().pid());
        io = ProcIoReader.open(self);
        status = ProcStatusReader.open(self);
        fds = FdCount.open(self);
        cgroup = CgroupMemory.open(self, Path.of("/"));
        smaps = SmapsRollupReader.open(self);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        statReader.close();
        io.close();
        status.close();
        if (cgroup != null) {
            cgroup.close();
        }
        smaps.close();
    }

    @Benchmark
    public long statLine() throws IOException {
        statReader.read(stat);
        return stat.utime;
    }

    @Benchmark
    public long io() throws IOException {
        io.read(reading);
        return reading.readChars;
    }

    @Benchmark
    public long status() throws IOException {
        status.read(reading);
        return reading.voluntaryCtxSwitches;
    }

    @Benchmark
    public long fdCount() {
        fds.read(reading);
        return reading.numFds;
    }

    @Benchmark
    public long cgroup() throws IOException {
        cgroup.read(reading);
        return reading.cgroupMemoryCurrent;
    }

    @Benchmark
    public long smapsRollup() throws IOException {
        smaps.read(reading);
        return reading.pssBytes;
    }
}
