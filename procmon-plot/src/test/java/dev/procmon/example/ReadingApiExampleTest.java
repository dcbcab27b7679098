package dev.procmon.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.procmon.core.LogField;
import dev.procmon.plot.PhaseSummary;
import dev.procmon.plot.PlotInputException;
import dev.procmon.plot.ProcessRun;
import dev.procmon.plot.ProcmonLog;
import dev.procmon.plot.RunSummary;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public reading API as a user's test sees it: outside the package, so only what is public
 * compiles here. The first test is the example of {@link ProcmonLog}'s Javadoc.
 */
class ReadingApiExampleTest {

    private static Path fixture(String name) {
        try {
            return Path.of(
                    ReadingApiExampleTest.class.getResource("/logs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theJavadocExample() throws Exception {
        ProcessRun run = ProcmonLog.read(fixture("phases.log")).onlyRun();
        RunSummary s = run.summary();
        assertThat(s.peakRssBytes()).isLessThan(512L << 20); // 512 MiB
        assertThat(s.phases())
                .filteredOn(p -> p.name().equals("index"))
                .allSatisfy(p -> assertThat(p.durationSeconds()).isLessThan(30));
        double[] t = run.elapsedSeconds(); // one value per sample
        double[] rss = run.rssBytes();

        assertThat(t).hasSize(10).startsWith(1.0, 2.0).endsWith(10.0);
        assertThat(rss).hasSize(10).contains(100.0 * (1 << 20));
        assertThat(s.phases()).extracting(PhaseSummary::name).contains("load", "index", "report");
    }

    @Test
    void columnsLabelsAndSummaryAgree() throws Exception {
        ProcessRun run = ProcmonLog.read(fixture("phases.log")).run(500);
        assertThat(run.pid()).isEqualTo(500);
        assertThat(run.run()).isEqualTo(1);
        assertThat(run.size()).isEqualTo(10);
        double[] cpu = run.cpuSeconds();
        assertThat(cpu[cpu.length - 1]).isEqualTo(run.summary().cpuSeconds());
        double[] heap = run.heapUsedBytes();
        assertThat(heap[heap.length - 1]).isEqualTo(run.summary().heapPeakBytes());
        assertThat(run.labels()).hasSize(12);
        ProcessRun.Label first = run.labels().get(0);
        assertThat(first).isEqualTo(new ProcessRun.Label(1, 2.0, "load", "start"));
        // The arrays are copies: changing one changes nothing in the run.
        run.rssBytes()[0] = -1;
        assertThat(run.rssBytes()[0]).isEqualTo(10.0 * (1 << 20));
    }

    @Test
    void everyNumericFieldOfTheSchemaIsAColumn() throws Exception {
        ProcessRun run = ProcmonLog.read(fixture("io.log")).onlyRun();
        assertThat(run.has(LogField.READ_BYTES)).isTrue();
        assertThat(run.has(LogField.HEAP_USED)).isFalse();
        assertThat(run.values(LogField.READ_BYTES)).containsExactly(0, 1000, 5000, 9000);
        assertThat(run.values(LogField.HEAP_USED)).containsOnly(Double.NaN);
        assertThatThrownBy(() -> run.values(LogField.LABEL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void choosingARunSaysWhatTheLogHas() throws Exception {
        ProcmonLog log = ProcmonLog.read(fixture("multi-pid.log"));
        assertThat(log.runs()).extracting(ProcessRun::pid).containsExactly(101L, 202L);
        assertThatThrownBy(log::onlyRun)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the log has 2 process runs (pid 101, pid 202); choose one with run(pid)");
        assertThatThrownBy(() -> log.run(7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pid 7 is not in the log (pid 101, pid 202)");
        ProcmonLog reused = ProcmonLog.read(fixture("reused-pid.log"));
        assertThatThrownBy(() -> reused.run(77)).hasMessage("pid 77 has 2 runs in the log; pick from runs()");
        assertThat(reused.runs()).extracting(ProcessRun::run).containsExactly(1, 2);
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        Path missing = Path.of("no/such.log");
        assertThatThrownBy(() -> ProcmonLog.read(missing))
                .isInstanceOf(PlotInputException.class)
                .hasMessage("no/such.log: no such file");
    }
}
