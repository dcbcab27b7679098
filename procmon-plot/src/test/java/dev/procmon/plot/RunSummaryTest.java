package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Run and phase figures on fixture logs whose values were chosen to be checked by hand: in
 * {@code phases.log} sample t (1..10) has CPU 0.6 t s (+1.5 s of children from t = 6), RSS
 * 10,20,50,40,80,30,30,60,100,90 MiB, heap (4 + t) MiB, GC time 0.01 t s.
 */
class RunSummaryTest {

    private static final double MIB = 1024.0 * 1024.0;
    private static final Offset<Double> EPS = within(1e-9);

    static SampleTable table(String fixture) throws PlotInputException {
        List<SampleTable> tables = LogReader.read(List.of(Fixtures.log(fixture)), ProgressListener.NONE)
                .tables();
        assertThat(tables).hasSize(1);
        return tables.get(0);
    }

    @Test
    void runTotalsAreTheLastSampleAndThePeaks() throws Exception {
        RunSummary s = RunSummary.of(table("phases.log"));
        assertThat(s.pid()).isEqualTo(500);
        assertThat(s.samples()).isEqualTo(10);
        assertThat(s.labels()).isEqualTo(12);
        assertThat(s.firstSampleSeconds()).isEqualTo(1.0);
        assertThat(s.durationSeconds()).isEqualTo(10.0);
        assertThat(s.peakRssBytes()).isEqualTo(100 * MIB);
        assertThat(s.peakRssSeconds()).isEqualTo(9.0);
        assertThat(s.peakRssTime()).isEqualTo(LocalDateTime.of(2026, 11, 24, 14, 10, 19));
        assertThat(s.cpuSeconds()).isCloseTo(7.5, EPS); // 5.0 user + 1.0 system + 1.0 + 0.5 children
        assertThat(s.meanCpuPercent()).isCloseTo(75.0, EPS);
        assertThat(s.heapPeakBytes()).isEqualTo(14 * MIB);
        assertThat(s.gcTimeSeconds()).isCloseTo(0.1, EPS);
        assertThat(s.ioReadBytes()).isNaN();
    }

    @Test
    void phasesNestCloseTheMostRecentOfTheirNameAndRunToTheEndWhenOpen() throws Exception {
        List<PhaseSummary> p = RunSummary.of(table("phases.log")).phases();
        // The plain label "checkpoint" and the end of "ghost" (never started) make no phase.
        assertThat(p).extracting(PhaseSummary::name).containsExactly("load", "index", "index", "report", "x", "x");
        assertThat(p).extracting(PhaseSummary::kind).containsOnly(PhaseSummary.Kind.PHASE);
        assertThat(p).extracting(PhaseSummary::depth).containsExactly(0, 1, 0, 0, 1, 2);
        assertThat(p).extracting(PhaseSummary::closed).containsExactly(true, true, true, false, false, true);
        assertThat(p).extracting(PhaseSummary::startSeconds).containsExactly(2.0, 3.0, 6.0, 8.0, 9.0, 9.0);
        assertThat(p).extracting(PhaseSummary::endSeconds).containsExactly(5.0, 4.0, 8.0, 10.0, 10.0, 10.0);

        PhaseSummary load = p.get(0);
        assertThat(load.durationSeconds()).isEqualTo(3.0);
        assertThat(load.cpuSeconds()).isCloseTo(1.8, EPS);
        assertThat(load.meanCpuPercent()).isCloseTo(60.0, EPS);
        assertThat(load.rssStartBytes()).isEqualTo(20 * MIB);
        assertThat(load.rssPeakBytes()).isEqualTo(80 * MIB);
        assertThat(load.rssEndBytes()).isEqualTo(80 * MIB);
        assertThat(load.rssChangeBytes()).isEqualTo(60 * MIB);
        assertThat(load.heapPeakBytes()).isEqualTo(9 * MIB);
        assertThat(load.gcTimeSeconds()).isCloseTo(0.03, EPS);

        PhaseSummary inner = p.get(1);
        assertThat(inner.rssStartBytes()).isEqualTo(50 * MIB);
        assertThat(inner.rssPeakBytes()).isEqualTo(50 * MIB);
        assertThat(inner.rssChangeBytes()).isEqualTo(-10 * MIB);
        assertThat(inner.heapPeakBytes()).isEqualTo(8 * MIB);

        PhaseSummary secondIndex = p.get(2);
        // Children's CPU (1.5 s from t = 6) was already in at the start: 6.3 - 5.1.
        assertThat(secondIndex.cpuSeconds()).isCloseTo(1.2, EPS);

        PhaseSummary report = p.get(3); // never closed: ends at the last sample
        assertThat(report.durationSeconds()).isEqualTo(2.0);
        assertThat(report.rssPeakBytes()).isEqualTo(100 * MIB);
        assertThat(report.rssEndBytes()).isEqualTo(90 * MIB);
        assertThat(report.heapPeakBytes()).isEqualTo(14 * MIB);
        assertThat(report.cpuSeconds()).isCloseTo(1.2, EPS);
    }

    @Test
    void aRunWithoutPhasesIsCutAtItsLabels() throws Exception {
        RunSummary s = RunSummary.of(table("labels.log"));
        List<PhaseSummary> p = s.phases();
        assertThat(p).extracting(PhaseSummary::name).containsExactly("a", "b", "c");
        assertThat(p).extracting(PhaseSummary::kind).containsOnly(PhaseSummary.Kind.LABEL_INTERVAL);
        assertThat(p).extracting(PhaseSummary::depth).containsOnly(0);
        assertThat(p).extracting(PhaseSummary::closed).containsExactly(true, true, false);
        assertThat(p).extracting(PhaseSummary::startSeconds).containsExactly(2.0, 2.0, 5.0);
        assertThat(p).extracting(PhaseSummary::durationSeconds).containsExactly(0.0, 3.0, 5.0);
        assertThat(p.get(0).meanCpuPercent()).as("zero-length span").isNaN();
        assertThat(p.get(1).cpuSeconds()).isCloseTo(1.8, EPS);
        assertThat(p.get(2).cpuSeconds()).isCloseTo(4.5, EPS);
        assertThat(p.get(2).rssStartBytes()).isEqualTo(80 * MIB);
        assertThat(p.get(2).rssPeakBytes()).isEqualTo(100 * MIB);
        assertThat(p.get(2).rssEndBytes()).isEqualTo(90 * MIB);
        // No jvm object in this log: what it lacks is NaN, not 0.
        assertThat(s.heapPeakBytes()).isNaN();
        assertThat(s.gcTimeSeconds()).isNaN();
        assertThat(p.get(1).heapPeakBytes()).isNaN();
        assertThat(p.get(1).gcTimeSeconds()).isNaN();
    }

    @Test
    void totalDepthLogsSummariseToo() throws Exception {
        RunSummary s = RunSummary.of(table("totaldepth-linux.log"));
        assertThat(s.phases()).extracting(PhaseSummary::name).containsExactly("Reading index");
        assertThat(s.peakRssBytes()).isEqualTo(100 * MIB);
        assertThat(s.cpuSeconds()).isCloseTo(1.9, EPS); // user 1.65 + system 0.25, no children
        assertThat(s.durationSeconds()).isEqualTo(2.5);
    }

    @Test
    void ioIsTheStorageLayerCountersTotalAndPerSpan() throws Exception {
        RunSummary s = RunSummary.of(table("io.log"));
        assertThat(s.ioReadBytes()).isEqualTo(9000);
        assertThat(s.ioWriteBytes()).isEqualTo(2500);
        PhaseSummary scan = s.phases().get(0);
        assertThat(scan.name()).isEqualTo("scan");
        assertThat(scan.ioReadBytes()).isEqualTo(8000);
        assertThat(scan.ioWriteBytes()).isEqualTo(2000);
        assertThat(scan.rssChangeBytes()).isEqualTo(5 * MIB);
    }

    @Test
    void cpuCountsWhatIsPresentAndIsUnknownOnlyWhenNothingIs() {
        assertThat(CpuTime.total(1.0, Double.NaN, Double.NaN, Double.NaN)).isEqualTo(1.0);
        assertThat(CpuTime.total(1.0, 0.5, 0.25, 0.125)).isEqualTo(1.875);
        assertThat(CpuTime.total(Double.NaN, Double.NaN, 2.0, Double.NaN)).isEqualTo(2.0);
        assertThat(CpuTime.total(Double.NaN, Double.NaN, Double.NaN, Double.NaN))
                .isNaN();
    }
}
