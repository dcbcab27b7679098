package dev.procmon.cli;

import dev.procmon.plot.PhaseSummary;
import dev.procmon.plot.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Holds budgets against run summaries. A run-wide budget is measured on the run; a phase budget on
 * every span of that name (phases, or label intervals in a run without phases), the worst one
 * deciding. A budget on a value the log does not have (no span of that name, no heap figures) is an
 * error, never a pass.
 */
final class BudgetCheck {

    private BudgetCheck() {}

    static List<Verdict> check(String runName, RunSummary run, List<Budget> budgets) {
        List<Verdict> out = new ArrayList<>();
        for (Budget b : budgets) {
            out.add(b.phase() == null ? onRun(runName, run, b) : onPhase(runName, run, b));
        }
        return out;
    }

    private static Verdict onRun(String runName, RunSummary run, Budget b) {
        Metric m = b.metric();
        String name = b.describe(m.format(b.limit()));
        double v = m.of(run);
        if (Double.isNaN(v)) {
            return error(runName, name, b, "the log has no " + m.logField());
        }
        return verdict(runName, name, b, v, whereInRun(m, run));
    }

    private static Verdict onPhase(String runName, RunSummary run, Budget b) {
        String phase = Objects.requireNonNull(b.phase(), "a phase budget names its phase");
        Metric m = b.metric();
        String name = b.describe(m.format(b.limit()));
        PhaseSummary worst = null;
        double worstValue = Double.NaN;
        boolean found = false;
        for (PhaseSummary p : run.phases()) {
            if (!p.name().equals(b.phase())) {
                continue;
            }
            found = true;
            double v = m.of(p);
            if (!Double.isNaN(v) && (worst == null || v > worstValue)) {
                worst = p;
                worstValue = v;
            }
        }
        if (!found) {
            return error(runName, name, b, "the log has no phase or label " + TerminalText.quoted(phase));
        }
        if (worst == null) {
            return error(
                    runName, name, b, "the log has no " + m.logField() + " in phase " + TerminalText.quoted(phase));
        }
        return verdict(runName, name, b, worstValue, whereInPhase(worst));
    }

    private static Verdict verdict(String runName, String name, Budget b, double measured, String where) {
        Metric m = b.metric();
        boolean holds = measured <= b.limit();
        String message = String.format(
                Locale.ROOT,
                "%s: %s %s %s budget %s (%s) %s",
                runName,
                m.label(),
                m.format(measured),
                holds ? "within" : "exceeds",
                m.format(b.limit()),
                b.option(),
                where);
        return new Verdict(
                runName,
                name,
                holds ? Verdict.Status.PASS : Verdict.Status.FAIL,
                b.limit(),
                measured,
                m.isBytes(),
                message);
    }

    private static Verdict error(String runName, String name, Budget b, String why) {
        return new Verdict(
                runName,
                name,
                Verdict.Status.ERROR,
                b.limit(),
                Double.NaN,
                b.metric().isBytes(),
                runName + ": cannot check " + b.option() + ": " + why);
    }

    static String whereInRun(Metric m, RunSummary run) {
        return switch (m) {
            case RSS ->
                String.format(Locale.ROOT, "at %.1f s", run.peakRssSeconds())
                        + (run.peakRssTime() == null ? "" : " (" + run.peakRssTime() + ")");
            case HEAP -> String.format(Locale.ROOT, "at %.1f s", run.heapPeakSeconds());
            default -> String.format(Locale.ROOT, "over the run to %.1f s", run.durationSeconds());
        };
    }

    static String whereInPhase(PhaseSummary p) {
        String kind = p.kind() == PhaseSummary.Kind.PHASE ? "phase" : "label interval";
        return String.format(
                Locale.ROOT,
                "in %s %s from %.1f s to %.1f s%s",
                kind,
                TerminalText.quoted(p.name()),
                p.startSeconds(),
                p.endSeconds(),
                p.closed() ? "" : " (the run's end)");
    }
}
