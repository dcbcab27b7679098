package dev.procmon.core;

import java.nio.file.Path;

/**
 * The counters beyond the stat line ({@link ProcessCounters}) summed over a tree at one sample: I/O,
 * context switches, descriptors and, on request, PSS and USS, each added over the members that
 * could be read (a member whose file is another user's, or that exited mid-sample, is left out of
 * that sum). The cgroup figures are the root's: only the root's counters read them. Every member is
 * read with the same choice of sparse counters, so a sum never mixes members read at different
 * samples. Allocates nothing per sample.
 */
final class CounterSum {

    private final MemoryDetail memory;
    private final ProcessReading one = new ProcessReading();
    private final ProcessReading total = new ProcessReading();
    private boolean sparse;

    CounterSum(MemoryDetail memory) {
        this.memory = memory;
    }

    /** The counters of a process that has just joined the tree (without the cgroup's). */
    ProcessCounters open(ProcRoot proc, long pid) {
        return ProcessCounters.open(Path.of(proc.process(pid)), memory, false);
    }

    /** Starts a sample's sum (again, when the tree is walked again). */
    void begin(boolean sparse) {
        this.sparse = sparse;
        total.clear();
    }

    /** Reads one member's counters and adds them to this sample's sum. */
    void add(ProcessCounters counters) {
        one.clear();
        counters.read(one, sparse);
        total.readBytes = plus(total.readBytes, one.readBytes);
        total.writeBytes = plus(total.writeBytes, one.writeBytes);
        total.readChars = plus(total.readChars, one.readChars);
        total.writeChars = plus(total.writeChars, one.writeChars);
        total.voluntaryCtxSwitches = plus(total.voluntaryCtxSwitches, one.voluntaryCtxSwitches);
        total.involuntaryCtxSwitches = plus(total.involuntaryCtxSwitches, one.involuntaryCtxSwitches);
        total.numFds = plus(total.numFds, one.numFds);
        total.pssBytes = plus(total.pssBytes, one.pssBytes);
        total.ussBytes = plus(total.ussBytes, one.ussBytes);
        if (one.cgroupMemoryMax >= 0 || one.cgroupMemoryCurrent >= 0) {
            total.cgroupMemoryMax = one.cgroupMemoryMax;
            total.cgroupMemoryCurrent = one.cgroupMemoryCurrent;
        }
    }

    /** Reads one member's counters, opened for this sample only, and closes them. */
    void addOnce(ProcRoot proc, long pid) {
        ProcessCounters c = open(proc, pid);
        try {
            add(c);
        } finally {
            SamplerChoice.closeQuietly(c);
        }
    }

    /** Copies this sample's sums into {@code into} (the keys no member had stay unknown). */
    void fill(ProcessReading into) {
        into.readBytes = total.readBytes;
        into.writeBytes = total.writeBytes;
        into.readChars = total.readChars;
        into.writeChars = total.writeChars;
        into.voluntaryCtxSwitches = total.voluntaryCtxSwitches;
        into.involuntaryCtxSwitches = total.involuntaryCtxSwitches;
        into.numFds = total.numFds;
        into.pssBytes = total.pssBytes;
        into.ussBytes = total.ussBytes;
        into.cgroupMemoryMax = total.cgroupMemoryMax;
        into.cgroupMemoryCurrent = total.cgroupMemoryCurrent;
    }

    private static long plus(long sum, long value) {
        return value < 0 ? sum : sum < 0 ? value : sum + value;
    }
}
