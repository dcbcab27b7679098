package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tree-CPU dip race (docs/record.md): a child reaped by its parent after the parent's stat was
 * read but before its own is in neither. On a fake /proc the reap is made to happen exactly there;
 * the walk that lost the child is done again, so the tree's totals do not dip.
 */
class TreeReapRaceTest {

    private static final KernelConstants KERNEL = kernel();

    private static KernelConstants kernel() {
        try {
            return KernelConstants.read(ProcRoot.SYSTEM);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an action once, just before the walk that follows the root's read. */
    private static final class ReapMidSample implements Descendants {
        private final Descendants walk;
        private @Nullable Runnable reap;

        ReapMidSample(Descendants walk) {
            this.walk = walk;
        }

        @Override
        public int addInto(ProcStat rootStat, ProcStat total, @Nullable CounterSum counters) {
            Runnable r = reap;
            reap = null;
            if (r != null) {
                r.run();
            }
            return walk.addInto(rootStat, total, counters);
        }

        @Override
        public boolean lostMembers() {
            return walk.lostMembers();
        }

        @Override
        public void close() {
            walk.close();
        }
    }

    private static long cpu(ProcessReading s) {
        return s.userMicros + s.systemMicros + s.childrenUserMicros + s.childrenSystemMicros;
    }

    /**
     * @param listed whether the parent still lists the child when the walk reads its children (the
     *     child is reaped after that listing) or not (reaped between the parent's stat and its listing)
     */
    @ParameterizedTest(name = "still listed: {0}")
    @ValueSource(booleans = {true, false})
    void aChildReapedAfterItsParentsReadIsCountedOnceNotLost(boolean listed, @TempDir Path dir) throws IOException {
        FakeProc proc = new FakeProc(dir);
        FakeProc.Proc root = proc.process(100, 1).children(101);
        root.utime = 50;
        root.minflt = 5;
        root.write();
        FakeProc.Proc child = proc.process(101, 100);
        child.utime = 400;
        child.minflt = 70;
        child.write();
        Files.createDirectories(dir.resolve("self"));
        ProcRoot r = proc.procRoot();
        ReapMidSample descendants = new ReapMidSample(new ChildrenWalk(r, 100));
        try (ProcessTreeSampler tree =
                new ProcessTreeSampler(new ProcStatSampler(100, KERNEL, MonitorClock.SYSTEM, r), descendants)) {
            ProcessReading before = new ProcessReading();
            tree.sample(before);
            assertThat(before.numProcs).isEqualTo(2);

            descendants.reap = () -> { // the root's stat is read; now the child exits and is reaped
                if (!listed) {
                    root.children();
                }
                proc.remove(101);
                root.cutime += child.utime;
                root.cminflt += child.minflt;
                root.write().children();
            };
            ProcessReading after = new ProcessReading();
            tree.sample(after);

            assertThat(after.numProcs).isEqualTo(1);
            assertThat(cpu(after)).as("tree CPU").isEqualTo(cpu(before));
            assertThat(after.pageFaults + after.childrenPfaults)
                    .as("tree faults")
                    .isEqualTo(75);
        }
    }

    /**
     * The kernel marks a zombie dead ({@code X}), adds its totals to its parent's children counters,
     * then removes it: read in between, it is in both. It is not counted; its parent holds it.
     */
    @ParameterizedTest(name = "parent already holds it: {0}")
    @ValueSource(booleans = {true, false})
    void aChildReadWhileBeingReapedIsNotCountedTwice(boolean added, @TempDir Path dir) throws IOException {
        FakeProc proc = new FakeProc(dir);
        FakeProc.Proc root = proc.process(100, 1).children(101);
        root.utime = 50;
        root.write();
        FakeProc.Proc child = proc.process(101, 100);
        child.utime = 400;
        child.minflt = 70;
        child.write();
        Files.createDirectories(dir.resolve("self"));
        ProcRoot r = proc.procRoot();
        ReapMidSample descendants = new ReapMidSample(new ChildrenWalk(r, 100));
        try (ProcessTreeSampler tree =
                new ProcessTreeSampler(new ProcStatSampler(100, KERNEL, MonitorClock.SYSTEM, r), descendants)) {
            ProcessReading before = new ProcessReading();
            tree.sample(before);

            child.state = 'X';
            child.write();
            if (added) {
                root.cutime += child.utime;
                root.cminflt += child.minflt;
                root.write();
            } else { // the parent adds it after its stat was read and before the child's
                descendants.reap = () -> {
                    root.cutime += child.utime;
                    root.cminflt += child.minflt;
                    root.write();
                };
            }
            ProcessReading during = new ProcessReading();
            tree.sample(during);

            assertThat(cpu(during)).as("tree CPU").isEqualTo(cpu(before));
            assertThat(during.pageFaults + during.childrenPfaults)
                    .as("tree faults")
                    .isEqualTo(70);
            assertThat(during.numProcs).isEqualTo(1);
        }
    }
}
