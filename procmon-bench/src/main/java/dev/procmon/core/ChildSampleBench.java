package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Recording another process. {@link #childSample} is one {@link ProcStatSampler} sample of a child
 * pid (what {@code procmon record} pays per tick for one process). {@link #fiftyChildrenStat} is the
 * building block of a tree sample with descriptors kept open: one read + parse of each child's stat.
 * Whole trees are {@link TreeSampleBench}. {@code procCount} (processes on the machine) is written to
 * a file at tear-down so bench/run can show that the tree's cost does not depend on it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ChildSampleBench {

    static final int CHILDREN = 50;

    private final List<Process> children = new ArrayList<>();
    private ProcStatSampler childSampler;
    private final ProcessReading reading = new ProcessReading();
    private ProcStatReader[] readers;
    private final ProcStat stat = new ProcStat();

    /** Where to write how many processes /proc listed (for the per-process cost); empty: nowhere. */
    @Param("")
    public String procCountFile;

    @Setup(Level.Trial)
    public void startChildren() throws IOException {
        for (int i = 0; i < CHILDREN; i++) {
            children.add(new ProcessBuilder("sleep", "600").start());
        }
        childSampler = ProcStatSampler.open(children.get(0).pid(), MonitorClock.SYSTEM, ProcRoot.SYSTEM);
        readers = new ProcStatReader[CHILDREN];
        for (int i = 0; i < CHILDREN; i++) {
            readers[i] = ProcStatReader.forPid(ProcRoot.SYSTEM, children.get(i).pid());
        }
    }

    @TearDown(Level.Trial)
    public void killChildren() throws IOException, InterruptedException {
        childSampler.close();
        if (!procCountFile.isEmpty()) {
            String[] names = ProcRoot.SYSTEM.dir().toFile().list();
            long procs = 0;
            for (String name : names == null ? new String[0] : names) {
                procs += ProcRoot.parsePid(name) > 0 ? 1 : 0;
            }
            Files.writeString(Path.of(procCountFile), procs + "\n");
        }
        for (ProcStatReader r : readers) {
            r.close();
        }
        for (Process p : children) {
            p.destroyForcibly();
        }
        for (Process p : children) {
            p.waitFor();
        }
    }

    @Benchmark
    public long childSample() throws IOException {
        reading.clear();
        childSampler.sample(reading);
        return reading.rssBytes + reading.userMicros;
    }

    /** Per op: 50 reads + parses (divide by 50 for the per-process cost). */
    @Benchmark
    public long fiftyChildrenStat() throws IOException {
        long sum = 0;
        for (ProcStatReader r : readers) {
            r.read(stat);
            sum += stat.rssPages + stat.utime;
        }
        return sum;
    }
}
