package dev.procmon.plot;

import static dev.procmon.plot.Fixtures.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CPU time has one definition ({@link CpuTime}): the plotted series, the {@code .dat} and the summary
 * agree on a log whose {@code cpu_times} lack {@code user} (system and children's system only).
 */
class CpuTimeTest {

    @TempDir
    Path out;

    private static SampleTable table(String name) throws PlotInputException {
        return LogReader.read(List.of(log(name)), ProgressListener.NONE)
                .tables()
                .get(0);
    }

    @Test
    void countsThePartsPresentAndIsUnknownOnlyWhenNoneIs() {
        assertThat(CpuTime.total(1.0, Double.NaN, Double.NaN, Double.NaN)).isEqualTo(1.0);
        assertThat(CpuTime.total(Double.NaN, 0.5, Double.NaN, 0.25)).isEqualTo(0.75);
        assertThat(CpuTime.total(Double.NaN, Double.NaN, Double.NaN, Double.NaN))
                .isNaN();
    }

    @Test
    void thePlottedCpuOfALogWithoutUserTimeIsTheSummarys() throws Exception {
        SampleTable t = table("system-only-cpu.log");
        DerivedSeries d = DerivedSeries.of(t, TimeAxis.ELAPSED);
        RunSummary s = RunSummary.of(t);

        // (0.25 + 0.125) s of CPU per second of run, at every sample: 37.5 %.
        assertThat(s.cpuSeconds()).isEqualTo(1.5, within(1e-9));
        assertThat(s.meanCpuPercent()).isEqualTo(37.5, within(1e-9));
        assertThat(d.meanCpu()).containsOnly(37.5);
        assertThat(d.instantCpu()).containsOnly(37.5);
        assertThat(d.meanCpu()[d.meanCpu().length - 1]).isEqualTo(s.meanCpuPercent(), within(1e-9));
        assertThat(ChartBuilder.build("x.log", t, d, TimeAxis.ELAPSED).series())
                .extracting(Chart.Series::name)
                .contains("Mean CPU (%), right axis", "Instantaneous CPU (%), right axis");
    }

    @Test
    void theDatAndSvgOfALogWithoutUserTimeHaveItsCpu() throws Exception {
        LogPlotter.plot(List.of(log("system-only-cpu.log")), out, PlotOptions.defaults());

        List<String> header = List.of(Files.readAllLines(out.resolve("system-only-cpu.log_31.dat"))
                .get(2)
                .substring(2)
                .split(" "));
        List<String> rows = Files.readAllLines(out.resolve("system-only-cpu.log_31.dat")).stream()
                .filter(r -> !r.startsWith("#"))
                .toList();
        int mean = header.indexOf("mean_cpu_pct");
        assertThat(rows).extracting(r -> r.split(" ")[mean]).containsOnly("37.500");
        assertThat(Files.readString(out.resolve("system-only-cpu.log_31.svg"))).contains("Mean CPU (%)");
    }
}
