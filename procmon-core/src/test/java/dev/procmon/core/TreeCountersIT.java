package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 on real processes: a shell whose two children each read 20 MB and then sleep; the tree's
 * I/O, descriptors, threads and PSS are the sums over the shell and its children, well above the
 * shell's own.
 */
class TreeCountersIT {

    private static final long MB = 1024 * 1024;

    @Test
    void aRealTreeSumsTheCountersOfItsMembers() throws Exception {
        String reader = "head -c 20000000 /dev/zero > /dev/null; exec sleep 600";
        Process shell =
                new ProcessBuilder("sh", "-c", "sh -c '" + reader + "' & sh -c '" + reader + "' & wait").start();
        try (ProcessTreeSampler tree = ProcessTreeSampler.withCounters(
                        shell.pid(), MonitorClock.SYSTEM, ProcRoot.SYSTEM, MemoryDetail.PSS);
                ProcessCounters shellAlone =
                        ProcessCounters.open(Path.of(ProcRoot.SYSTEM.process(shell.pid())), MemoryDetail.PSS)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (shell.children()
                            .filter(c -> c.info().command().orElse("").endsWith("/sleep"))
                            .count()
                    < 2) {
                assertThat(System.nanoTime())
                        .as("both children reach their sleep")
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
            ProcessReading s = new ProcessReading();
            tree.sample(s); // the first sample reads the sparse counters too
            ProcessReading alone = new ProcessReading();
            shellAlone.read(alone);

            assertThat(s.numProcs).isEqualTo(3);
            assertThat(alone.readChars).isLessThan(MB);
            // Each child's head was reaped by the child's shell, which then became sleep: its io holds it.
            assertThat(s.readChars).isGreaterThanOrEqualTo(2 * 20_000_000L);
            assertThat(s.writeChars).isGreaterThanOrEqualTo(2 * 20_000_000L);
            assertThat(s.numFds).isGreaterThan(alone.numFds);
            assertThat(s.numThreads).isGreaterThanOrEqualTo(3);
            assertThat(s.voluntaryCtxSwitches).isGreaterThan(alone.voluntaryCtxSwitches);
            assertThat(s.pssBytes).isGreaterThan(alone.pssBytes);
            assertThat(s.ussBytes).isGreaterThan(alone.ussBytes);
        } finally {
            RealTree.stop(shell);
        }
    }
}
