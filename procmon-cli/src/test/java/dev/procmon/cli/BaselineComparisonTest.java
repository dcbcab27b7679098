package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.plot.PhaseSummary;
import dev.procmon.plot.RunSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the comparison on hand-made summaries: boundaries, zero baselines, missing figures. */
class BaselineComparisonTest {

    private static RunSummary run(double rss, double cpu, double duration, PhaseSummary... phases) {
        return new RunSummary(
                1,
                1,
                10,
                0,
                0,
                duration,
                rss,
                1,
                null,
                cpu,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                List.of(phases));
    }

    private static PhaseSummary phase(String name, double cpu) {
        return new PhaseSummary(
                name,
                PhaseSummary.Kind.PHASE,
                0,
                true,
                0,
                1,
                cpu,
                Double.NaN,
                0,
                100,
                0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    @Test
    void exactlyAtTheToleranceHoldsAndJustAboveFails() {
        List<BaselineComparison.Row> rows = BaselineComparison.compare(run(100, 10, 10), run(110, 10.0001, 10), 0.10);
        assertThat(rows)
                .extracting(BaselineComparison.Row::status)
                .containsExactly(Verdict.Status.PASS, Verdict.Status.PASS, Verdict.Status.PASS);
        rows = BaselineComparison.compare(run(100, 10, 10), run(110.001, 11.5, 9), 0.10);
        assertThat(rows)
                .extracting(BaselineComparison.Row::status)
                .containsExactly(Verdict.Status.FAIL, Verdict.Status.FAIL, Verdict.Status.PASS);
    }

    @Test
    void aFigureThatWasZeroAndIsNotIsInfinitelyWorseAndZeroStaysZero() {
        List<BaselineComparison.Row> rows = BaselineComparison.compare(
                run(100, 10, 10, phase("a", 0), phase("b", 0)),
                run(100, 10, 10, phase("a", 0.01), phase("b", 0)),
                0.10);
        BaselineComparison.Row a = rows.stream()
                .filter(r -> "a".equals(r.phase()) && r.metric() == Metric.CPU)
                .findFirst()
                .orElseThrow();
        BaselineComparison.Row b = rows.stream()
                .filter(r -> "b".equals(r.phase()) && r.metric() == Metric.CPU)
                .findFirst()
                .orElseThrow();
        assertThat(a.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(BaselineComparison.change(a.changePercent())).isEqualTo("+inf %");
        assertThat(b.status()).isEqualTo(Verdict.Status.PASS);
        assertThat(b.changePercent()).isZero();
    }

    @Test
    void phasesOnlyInOneRunAreNotCompared() {
        List<BaselineComparison.Row> rows =
                BaselineComparison.compare(run(1, 1, 1, phase("old", 1)), run(1, 1, 1, phase("new", 1)), 0.10);
        assertThat(rows).extracting(BaselineComparison.Row::phase).containsOnlyNulls();
    }

    @Test
    void aFigureEitherLogLacksIsAnErrorNotAPass() {
        List<BaselineComparison.Row> rows = BaselineComparison.compare(run(1, Double.NaN, 1), run(1, 1, 1), 0.10);
        assertThat(rows.get(1).status()).isEqualTo(Verdict.Status.ERROR);
        assertThat(LogCheck.exitCode(BaselineComparison.verdicts("x", "y", 0.10, rows)))
                .isEqualTo(2);
    }
}
