package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The tree sampler on real processes: a steady tree allocates nothing, the root's exit is "gone". */
class ProcessTreeSamplerIT {

    /** Steady state (nobody joins or leaves): a sample of a real tree allocates nothing. */
    @Test
    void aSteadyRealTreeIsSampledWithoutAllocating() throws Exception {
        Process shell = RealTree.shellWithSleeps(20);
        try (ProcessTreeSampler tree = ProcessTreeSampler.open(shell.pid(), MonitorClock.SYSTEM, ProcRoot.SYSTEM)) {
            assertThat(ProcessTreeSamplerTest.allocatedPerSample(tree, 21)).isLessThan(1.0);
        }
        // The monitor's tree sampler, every member's counters summed too (sparse ones included).
        try (ProcessTreeSampler tree =
                ProcessTreeSampler.withCounters(shell.pid(), MonitorClock.SYSTEM, ProcRoot.SYSTEM, MemoryDetail.RSS)) {
            assertThat(ProcessTreeSamplerTest.allocatedPerSample(tree, 21)).isLessThan(1.0);
        } finally {
            RealTree.stop(shell);
        }
    }

    @Test
    void theRootExitingIsReportedAsGoneNotAsAFailure() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        try (ProcessTreeSampler tree = ProcessTreeSampler.open(p.pid(), MonitorClock.SYSTEM, ProcRoot.SYSTEM)) {
            tree.sample(new ProcessReading());
            p.destroy();
            p.waitFor();
            assertThatThrownBy(() -> tree.sample(new ProcessReading())).isInstanceOf(ProcessGoneException.class);
        }
    }
}
