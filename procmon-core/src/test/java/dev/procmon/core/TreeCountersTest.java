package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12: with children included, every additive counter is summed over the live members (I/O,
 * context switches, PSS and USS, threads), not the root's alone; the I/O stays continuous when a
 * member is reaped (the kernel folds it into its reaper's), context switches step down.
 */
class TreeCountersTest {

    private static final KernelConstants KERNEL = kernel();

    private static KernelConstants kernel() {
        try {
            return KernelConstants.read(ProcRoot.SYSTEM);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProcessTreeSampler tree(FakeProc proc, long root, boolean walk) throws IOException {
        ProcRoot r = proc.procRoot();
        return new ProcessTreeSampler(
                new ProcStatSampler(root, KERNEL, MonitorClock.SYSTEM, r),
                walk ? new ChildrenWalk(r, root) : new ProcScan(r, root),
                new CounterSum(MemoryDetail.PSS),
                ProcessCounters.open(dir(r, root), MemoryDetail.PSS, false));
    }

    private static Path dir(ProcRoot r, long pid) {
        return Path.of(r.process(pid));
    }

    private static ProcessReading sample(ProcessTreeSampler tree) throws IOException {
        ProcessReading s = new ProcessReading();
        tree.sample(s);
        return s;
    }

    @ParameterizedTest(name = "children walk: {0}")
    @ValueSource(booleans = {true, false})
    void everyAdditiveCounterIsSummedOverTheLiveMembers(boolean walk, @TempDir Path dir) throws IOException {
        FakeProc proc = new FakeProc(dir);
        FakeProc.Proc root = proc.process(100, 1).children(101);
        root.threads = 2;
        root.write().counters(1_000, 2_000, 10, 1, 400, 300);
        FakeProc.Proc child = proc.process(101, 100).children(102);
        child.threads = 3;
        child.write().counters(30_000, 40_000, 20, 2, 5_000, 4_000);
        FakeProc.Proc grandchild = proc.process(102, 101);
        grandchild.write().counters(500_000, 600_000, 30, 3, 60_000, 50_000);
        proc.process(1, 0).children(100, 103);
        proc.process(103, 1).counters(9_000_000, 9_000_000, 900, 900, 900_000, 900_000); // not in the tree
        Files.createDirectories(dir.resolve("self"));

        try (ProcessTreeSampler tree = tree(proc, 100, walk)) {
            ProcessReading s = sample(tree);
            assertThat(s.numProcs).isEqualTo(3);
            assertThat(s.readChars).isEqualTo(531_000);
            assertThat(s.writeChars).isEqualTo(642_000);
            assertThat(s.readBytes).isEqualTo(265_500);
            assertThat(s.writeBytes).isEqualTo(321_000);
            assertThat(s.voluntaryCtxSwitches).isEqualTo(60); // sparse: read at the first sample
            assertThat(s.involuntaryCtxSwitches).isEqualTo(6);
            assertThat(s.pssBytes).isEqualTo(65_400 * 1024L);
            assertThat(s.ussBytes).isEqualTo(54_300 * 1024L);
            assertThat(s.numThreads).isEqualTo(6);

            // Between sparse samples the context switches are left out of the line, for every member.
            ProcessReading between = sample(tree);
            assertThat(between.voluntaryCtxSwitches).isEqualTo(ProcessReading.UNKNOWN);
            assertThat(between.readChars).isEqualTo(531_000);
        }
    }

    @ParameterizedTest(name = "children walk: {0}")
    @ValueSource(booleans = {true, false})
    void ioStaysContinuousWhenAMemberIsReapedAndAnUnreadableMemberIsLeftOut(boolean walk, @TempDir Path dir)
            throws IOException {
        FakeProc proc = new FakeProc(dir);
        proc.process(100, 1).children(101, 102).counters(1_000, 2_000, 10, 1, 400, 300);
        FakeProc.Proc child = proc.process(101, 100);
        child.counters(30_000, 40_000, 20, 2, 5_000, 4_000);
        proc.process(102, 100); // another user's: no io, status or smaps_rollup to read
        Files.createDirectories(dir.resolve("self"));

        try (ProcessTreeSampler tree = tree(proc, 100, walk)) {
            ProcessReading before = sample(tree);
            assertThat(before.numProcs).isEqualTo(3);
            assertThat(before.readChars).isEqualTo(31_000);
            assertThat(before.pssBytes).isEqualTo(5_400 * 1024L);

            // The child exits and the root waits for it: the kernel adds its I/O to the root's io.
            proc.process(100, 1).children(102).counters(31_000, 42_000, 10, 1, 400, 300);
            proc.remove(101);
            ProcessReading after = sample(tree);
            assertThat(after.numProcs).isEqualTo(2);
            assertThat(after.readChars).isEqualTo(before.readChars);
            assertThat(after.writeChars).isEqualTo(before.writeChars);
            assertThat(after.pssBytes).isEqualTo(400 * 1024L); // a gauge: the child's memory is gone
        }
    }
}
