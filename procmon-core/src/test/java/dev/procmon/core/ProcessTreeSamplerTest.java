package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTreeSamplerTest {

    private static final long SELF = ProcessHandle.current().pid();

    /** A stat line in proc(5)'s layout with the fields the sampler reads. */
    private static String stat(long pid, long ppid, long utime, long rssPages) {
        return stat(pid, ppid, utime, rssPages, 1);
    }

    private static String stat(long pid, long ppid, long utime, long rssPages, int threads) {
        return pid + " (fake name) S " + ppid + " 1 1 0 -1 0 10 0 1 0 " + utime + " 2 3 4 20 0 " + threads
                + " 0 100 4096 " + rssPages + " 0\n";
    }

    /** Writes {@code <proc>/<pid>/task/<tid>/children} with the given pids, as the kernel does ("1 2 "). */
    private static void children(Path proc, long pid, long tid, long... pids) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(pid + "/task/" + tid));
        StringBuilder text = new StringBuilder();
        for (long p : pids) {
            text.append(p).append(' ');
        }
        Files.writeString(dir.resolve("children"), text);
    }

    private static void process(Path proc, long pid, String stat) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        if (stat != null) {
            Files.writeString(dir.resolve("stat"), stat);
        }
    }

    @Test
    void sumsTheRootAndEveryDescendantFollowingParentLinksAndNothingElse(@TempDir Path proc) throws IOException {
        long child = SELF + 100_001;
        long grandchild = SELF + 100_002;
        long greatGrandchild = SELF + 100_003;
        process(proc, grandchild, stat(grandchild, child, 200, 2000));   // listed before its parent
        process(proc, child, stat(child, SELF, 100, 1000));
        process(proc, greatGrandchild, stat(greatGrandchild, grandchild, 300, 3000));
        process(proc, 1, stat(1, 0, 5000, 50_000));                       // unrelated
        process(proc, SELF + 100_004, stat(SELF + 100_004, 1, 7, 7));     // unrelated
        process(proc, SELF + 100_005, null);                              // vanished mid-walk
        Files.createDirectories(proc.resolve("self"));
        KernelConstants kernel = KernelConstants.read();

        ProcStatSampler root = ProcStatSampler.open(SELF, MonitorClock.SYSTEM);
        try (ProcessTreeSampler tree = new ProcessTreeSampler(root, proc.toFile())) {
            Sample alone = new Sample();
            root.sample(alone);
            Sample sum = new Sample();
            tree.sample(sum);
            assertThat(sum.numProcs).isEqualTo(4);
            assertThat(sum.pid).isEqualTo(SELF);
            long othersRss = (1000 + 2000 + 3000) * kernel.pageSize();
            // This JVM's own rss moves a little between the two reads; the children's 6000 pages do not.
            assertThat(sum.rssBytes - alone.rssBytes).isBetween(othersRss - (8L << 20), othersRss + (8L << 20));
            assertThat(sum.vmsBytes - alone.vmsBytes).isBetween(3 * 4096L - (64L << 20), 3 * 4096L + (64L << 20));
            assertThat(sum.userMicros - alone.userMicros)
                    .isGreaterThanOrEqualTo(600 * 1_000_000L / kernel.clockTicksPerSecond());
            // cutime (3 per fake process) summed over the tree: 9 ticks more than this JVM's own.
            assertThat(sum.childrenUserMicros - alone.childrenUserMicros)
                    .isEqualTo(9 * 1_000_000L / kernel.clockTicksPerSecond());
        }
    }

    @Test
    void withoutChildrenFilesTheFullScanIsUsed(@TempDir Path proc) throws IOException {
        try (ProcessTreeSampler tree = new ProcessTreeSampler(ProcStatSampler.open(SELF, MonitorClock.SYSTEM),
                proc.toFile())) {
            assertThat(tree.walksChildren()).isFalse();
        }
        try (ProcessTreeSampler tree = ProcessTreeSampler.open(SELF, MonitorClock.SYSTEM)) {
            assertThat(tree.walksChildren()).as("this kernel lists children (CONFIG_PROC_CHILDREN)").isTrue();
        }
    }

    @Test
    void theWalkFollowsEveryThreadsChildrenOnceAndSkipsTheGoneTheReparentedAndCycles(@TempDir Path proc)
            throws IOException {
        long child = SELF + 100_001;          // forked by the root's main thread
        long threadChild = SELF + 100_002;    // forked by another thread of the root
        long grandchild = SELF + 100_003;     // child of a two-threaded child, forked by its second thread
        long gone = SELF + 100_004;           // listed, but exited before its stat was read
        long reparented = SELF + 100_005;     // listed under child, but its ppid is now 1
        long unrelated = SELF + 100_006;      // in /proc, never listed
        long tid = SELF + 100_100;
        Files.createDirectories(proc.resolve(Long.toString(SELF)));
        // The root is this JVM (read through the real /proc): its task directory is listed.
        children(proc, SELF, SELF, child, gone);
        children(proc, SELF, tid, threadChild, child);                  // child listed twice
        process(proc, child, stat(child, SELF, 100, 1000, 2));
        children(proc, child, child, reparented);
        children(proc, child, child + 1, grandchild, SELF);             // a cycle back to the root
        process(proc, threadChild, stat(threadChild, SELF, 200, 2000));
        children(proc, threadChild, threadChild);                       // no children
        process(proc, grandchild, stat(grandchild, child, 300, 3000));
        // grandchild has no children file (exited between its stat and its listing): no children.
        process(proc, reparented, stat(reparented, 1, 5000, 50_000));
        children(proc, reparented, reparented);
        process(proc, unrelated, stat(unrelated, SELF, 7000, 70_000));
        children(proc, unrelated, unrelated);
        KernelConstants kernel = KernelConstants.read();

        ProcStatSampler root = ProcStatSampler.open(SELF, MonitorClock.SYSTEM);
        try (ProcessTreeSampler tree = new ProcessTreeSampler(root, proc.toFile(), true)) {
            for (int round = 0; round < 3; round++) { // the seen-set is reset between samples
                Sample alone = new Sample();
                root.sample(alone);
                Sample sum = new Sample();
                tree.sample(sum);
                assertThat(sum.numProcs).isEqualTo(4);
                long othersRss = (1000 + 2000 + 3000) * kernel.pageSize();
                assertThat(sum.rssBytes - alone.rssBytes).isBetween(othersRss - (8L << 20), othersRss + (8L << 20));
                assertThat(sum.childrenUserMicros - alone.childrenUserMicros)
                        .isEqualTo(9 * 1_000_000L / kernel.clockTicksPerSecond());
            }
        }
    }

    @Test
    void aRealGrandchildIsCountedAndAProcessOutsideTheTreeIsNot() throws Exception {
        // Outside: a sleep of this JVM's, not a descendant of the recorded shell.
        Process outside = new ProcessBuilder("sleep", "60").start();
        // The shell's child is a subshell whose own child is a sleep: a grandchild of the root.
        Process shell = new ProcessBuilder("sh", "-c", "(sleep 60; :) & wait").start();
        try (ProcessTreeSampler walk = ProcessTreeSampler.open(shell.pid(), MonitorClock.SYSTEM);
                ProcessTreeSampler scan = new ProcessTreeSampler(ProcStatSampler.open(shell.pid(), MonitorClock.SYSTEM),
                        new File("/proc"), false)) {
            assertThat(walk.walksChildren()).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (shell.descendants().count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(shell.descendants().map(ProcessHandle::pid)).hasSize(2).doesNotContain(outside.pid());
            Sample s = new Sample();
            walk.sample(s);
            assertThat(s.numProcs).as("shell, subshell, sleep; not the outside sleep").isEqualTo(3);
            Sample full = new Sample();
            scan.sample(full);
            assertThat(full.numProcs).as("the full scan agrees").isEqualTo(3);
            assertThat(outside.isAlive()).isTrue();
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly().waitFor();
            outside.destroyForcibly().waitFor();
        }
    }

    @Test
    void aProcAliveWithNothingElseCountsOnlyTheRoot(@TempDir Path proc) throws IOException {
        try (ProcessTreeSampler tree = new ProcessTreeSampler(ProcStatSampler.open(SELF, MonitorClock.SYSTEM),
                proc.toFile())) {
            Sample s = new Sample();
            tree.sample(s);
            assertThat(s.numProcs).isEqualTo(1);
            assertThat(s.rssBytes).isPositive();
        }
    }

    @Test
    void findsARealShellAndItsTwoChildrenAndCountsTheirCpu() throws Exception {
        // Two busy children under a shell: the shell itself spends nothing, the children spin.
        Process shell = new ProcessBuilder("sh", "-c",
                "(while :; do :; done) & (while :; do :; done) & wait").start();
        try (ProcessTreeSampler tree = ProcessTreeSampler.open(shell.pid(), MonitorClock.SYSTEM)) {
            Sample s = new Sample();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            do {
                Thread.sleep(50);
                s.clear();
                tree.sample(s);
            } while ((s.numProcs < 3 || s.userMicros + s.systemMicros < 300_000) && System.nanoTime() < deadline);
            assertThat(s.numProcs).isGreaterThanOrEqualTo(3);
            assertThat(s.userMicros + s.systemMicros).as("cpu seconds of the busy children")
                    .isGreaterThanOrEqualTo(300_000);
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly().waitFor();
        }
    }

    @Test
    void theRootExitingIsReportedAsGoneNotAsAFailure() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        try (ProcessTreeSampler tree = ProcessTreeSampler.open(p.pid(), MonitorClock.SYSTEM)) {
            tree.sample(new Sample());
            p.destroy();
            p.waitFor();
            assertThatThrownBy(() -> tree.sample(new Sample())).isInstanceOf(ProcessGoneException.class);
        }
    }

    @Test
    void onlyAllDigitNamesArePids() {
        assertThat(ProcessTreeSampler.parsePid("4242")).isEqualTo(4242);
        assertThat(ProcessTreeSampler.parsePid("self")).isEqualTo(-1);
        assertThat(ProcessTreeSampler.parsePid("thread-self")).isEqualTo(-1);
        assertThat(ProcessTreeSampler.parsePid("12a")).isEqualTo(-1);
        assertThat(ProcessTreeSampler.parsePid("")).isEqualTo(-1);
        assertThat(new File("/proc").list()).isNotNull();
    }
}
