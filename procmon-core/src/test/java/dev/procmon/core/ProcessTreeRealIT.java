package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tree sampler on real processes of this kernel: both strategies, busy and reaped children. */
class ProcessTreeRealIT {

    private static ProcessTreeSampler scan(long pid) throws java.io.IOException {
        return new ProcessTreeSampler(
                ProcStatSampler.open(pid, MonitorClock.SYSTEM, ProcRoot.SYSTEM), new ProcScan(ProcRoot.SYSTEM, pid));
    }

    private static ProcessTreeSampler walk(long pid) throws java.io.IOException {
        return ProcessTreeSampler.open(pid, MonitorClock.SYSTEM, ProcRoot.SYSTEM);
    }

    private static boolean sleeping(Process shell) {
        return shell.children().anyMatch(c -> c.info().command().orElse("").endsWith("/sleep"));
    }

    @Test
    void aRealGrandchildIsCountedAndAProcessOutsideTheTreeIsNot() throws Exception {
        Process outside = new ProcessBuilder("sleep", "60").start(); // a child of this JVM, not of the shell
        Process shell = new ProcessBuilder("sh", "-c", "(sleep 60; :) & wait").start();
        try (ProcessTreeSampler walk = walk(shell.pid());
                ProcessTreeSampler scan = scan(shell.pid())) {
            assertThat(walk.descendants()).isInstanceOf(ChildrenWalk.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (shell.descendants().count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(shell.descendants().map(ProcessHandle::pid)).hasSize(2).doesNotContain(outside.pid());
            ProcessReading s = new ProcessReading();
            walk.sample(s);
            assertThat(s.numProcs)
                    .as("shell, subshell, sleep; not the outside sleep")
                    .isEqualTo(3);
            ProcessReading full = new ProcessReading();
            scan.sample(full);
            assertThat(full.numProcs).as("the full scan agrees").isEqualTo(3);
            assertThat(outside.isAlive()).isTrue();
        } finally {
            RealTree.stop(shell);
            RealTree.stop(outside);
        }
    }

    @Test
    void findsARealShellAndItsTwoBusyChildrenAndCountsTheirCpu() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "(while :; do :; done) & (while :; do :; done) & wait").start();
        try (ProcessTreeSampler tree = walk(shell.pid())) {
            ProcessReading s = new ProcessReading();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            do {
                Thread.sleep(50);
                s.clear();
                tree.sample(s);
            } while ((s.numProcs < 3 || s.userMicros + s.systemMicros < 300_000) && System.nanoTime() < deadline);
            assertThat(s.numProcs).isGreaterThanOrEqualTo(3);
            assertThat(s.userMicros + s.systemMicros)
                    .as("cpu seconds of the busy children")
                    .isGreaterThanOrEqualTo(300_000);
        } finally {
            RealTree.stop(shell);
        }
    }

    /**
     * Issue 10 on real processes: a shell runs short busy children one after another and reaps each.
     * The live user + system drops every time a child is reaped; with children_* added the tree's
     * CPU never goes back, not even for one sample (by more than a tick per process: the kernel's exact reaped figure and the
     * ticks /proc showed for the live child may differ by rounding), and neither do its faults.
     */
    @Test
    void realReapedChildrenKeepTheTreeTotalsContinuous() throws Exception {
        String busy = "i=0; while [ $i -lt 150000 ]; do i=$((i+1)); done";
        Process shell =
                new ProcessBuilder("sh", "-c", "for n in 1 2 3 4; do sh -c '" + busy + "'; done; sleep 600").start();
        long tick = 1_000_000L / KernelConstants.read(ProcRoot.SYSTEM).clockTicksPerSecond();
        try (ProcessTreeSampler tree = walk(shell.pid())) {
            ProcessReading s = new ProcessReading();
            long lastCpu = 0;
            long lastFaults = 0;
            long liveDrops = 0;
            long lastLive = 0;
            int sawChild = 0;
            int dips = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            boolean done;
            do {
                done = sleeping(shell); // all four reaped: one more sample, then stop
                Thread.sleep(5);
                s.clear();
                tree.sample(s);
                long cpu = s.userMicros + s.systemMicros + s.childrenUserMicros + s.childrenSystemMicros;
                long faults = s.pageFaults + s.childrenPfaults;
                // A child reaped between the reads of its parent and of itself would be in neither: the
                // walk that lost it is done again (TreeReapRaceTest), so the tree's CPU never dips.
                dips += cpu < lastCpu - 2 * tick ? 1 : 0;
                assertThat(faults).as("tree faults never go back").isGreaterThanOrEqualTo(lastFaults);
                long live = s.userMicros + s.systemMicros;
                liveDrops += live < lastLive ? 1 : 0;
                sawChild += s.numProcs == 2 ? 1 : 0;
                lastCpu = Math.max(lastCpu, cpu);
                lastFaults = faults;
                lastLive = live;
            } while (!done && System.nanoTime() < deadline);
            assertThat(dips).as("tree CPU dips").isZero();
            assertThat(s.userMicros + s.systemMicros + s.childrenUserMicros + s.childrenSystemMicros)
                    .as("tree CPU back at its total")
                    .isGreaterThanOrEqualTo(lastCpu - 2 * tick);
            assertThat(sawChild).as("the busy children were seen").isPositive();
            assertThat(liveDrops)
                    .as("the live sum alone drops when a child is reaped")
                    .isPositive();
            assertThat(done).as("the shell reached its sleep").isTrue();
            assertThat(s.childrenUserMicros + s.childrenSystemMicros)
                    .as("reaped children's CPU")
                    .isGreaterThan(20 * tick);
            assertThat(s.childrenPfaults).as("reaped children's faults").isPositive();
        } finally {
            RealTree.stop(shell);
        }
    }
}
