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
        return pid + " (fake name) S " + ppid + " 1 1 0 -1 0 10 0 1 0 " + utime + " 2 3 4 20 0 1 0 100 4096 "
                + rssPages + " 0\n";
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
