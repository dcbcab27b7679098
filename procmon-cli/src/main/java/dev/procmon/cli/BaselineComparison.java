package dev.procmon.cli;

import dev.procmon.plot.PhaseSummary;
import dev.procmon.plot.RunSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compares a run with a baseline run: peak RSS, CPU time and duration of the whole run, and the same
 * for each phase present in both (the k-th span of a name with the k-th span of that name). A figure
 * fails when it is worse (larger) than the baseline's by more than the tolerance.
 */
final class BaselineComparison {

    /**
     * One compared figure.
     *
     * @param phase the span's name, null for the whole run
     * @param changePercent (current - baseline) / baseline * 100; infinite if the baseline is 0
     */
    record Row(
            @Nullable String phase,
            Metric metric,
            double baseline,
            double current,
            double changePercent,
            Verdict.Status status) {

        String what() {
            return phase == null ? metric.label() : "phase " + TerminalText.quoted(phase) + " " + metric.label();
        }
    }

    private static final Metric[] COMPARED = {Metric.RSS, Metric.CPU, Metric.DURATION};

    private BaselineComparison() {}

    static List<Row> compare(RunSummary baseline, RunSummary current, double tolerance) {
        List<Row> rows = new ArrayList<>();
        for (Metric m : COMPARED) {
            rows.add(row(null, m, m.of(baseline), m.of(current), tolerance));
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<PhaseSummary>> old = byName(baseline.phases());
        Map<String, List<PhaseSummary>> now = byName(current.phases());
        for (PhaseSummary p : current.phases()) {
            int k = seen.merge(p.name(), 1, Integer::sum) - 1;
            List<PhaseSummary> same = old.get(p.name());
            if (same == null || k >= same.size()) {
                continue;
            }
            PhaseSummary b = same.get(k);
            // p is one of current's phases, so now (current's phases by name) has its name.
            boolean repeated = same.size() > 1
                    || java.util.Objects.requireNonNull(now.get(p.name())).size() > 1;
            String label = repeated ? p.name() + " #" + (k + 1) : p.name();
            for (Metric m : COMPARED) {
                rows.add(row(label, m, m.of(b), m.of(p), tolerance));
            }
        }
        return rows;
    }

    private static Map<String, List<PhaseSummary>> byName(List<PhaseSummary> phases) {
        Map<String, List<PhaseSummary>> out = new HashMap<>();
        for (PhaseSummary p : phases) {
            out.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    private static Row row(@Nullable String phase, Metric m, double baseline, double current, double tolerance) {
        if (Double.isNaN(baseline) || Double.isNaN(current)) {
            return new Row(phase, m, baseline, current, Double.NaN, Verdict.Status.ERROR);
        }
        double change =
                baseline == 0 ? (current == 0 ? 0 : Double.POSITIVE_INFINITY) : (current - baseline) / baseline * 100;
        boolean worse = current > baseline * (1 + tolerance);
        return new Row(phase, m, baseline, current, change, worse ? Verdict.Status.FAIL : Verdict.Status.PASS);
    }

    /** The table printed either way: one line per figure. */
    static List<String> table(String baselineName, String currentName, double tolerance, List<Row> rows) {
        List<String> out = new ArrayList<>();
        out.add(String.format(
                Locale.ROOT, "baseline %s vs %s (tolerance %s %%):", baselineName, currentName, trim(tolerance * 100)));
        int width = "what".length();
        for (Row r : rows) {
            width = Math.max(width, r.what().length());
        }
        out.add(String.format(
                Locale.ROOT, "  %-" + width + "s  %14s  %14s  %9s", "what", "baseline", "this run", "change"));
        for (Row r : rows) {
            out.add(String.format(
                            Locale.ROOT,
                            "  %-" + width + "s  %14s  %14s  %9s  %s",
                            r.what(),
                            show(r.metric(), r.baseline()),
                            show(r.metric(), r.current()),
                            change(r.changePercent()),
                            switch (r.status()) {
                                case PASS -> "ok";
                                case FAIL -> "WORSE";
                                case ERROR -> "not in both logs";
                            })
                    .stripTrailing());
        }
        return out;
    }

    static String change(double percent) {
        if (Double.isNaN(percent)) {
            return "n/a";
        }
        if (Double.isInfinite(percent)) {
            return "+inf %";
        }
        return String.format(Locale.ROOT, "%+.1f %%", percent);
    }

    private static String show(Metric m, double v) {
        return Double.isNaN(v) ? "n/a" : m.format(v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The rows as verdicts, for the JUnit report and the exit code. */
    static List<Verdict> verdicts(String currentName, String baselineName, double tolerance, List<Row> rows) {
        List<Verdict> out = new ArrayList<>();
        for (Row r : rows) {
            String name = "baseline: " + r.what() + " at most " + trim(tolerance * 100) + " % above " + baselineName;
            double limit = r.baseline() * (1 + tolerance);
            String message = switch (r.status()) {
                case ERROR -> currentName + ": cannot compare " + r.what() + " with the baseline: not in both logs";
                default ->
                    String.format(
                            Locale.ROOT,
                            "%s: %s %s is %s the baseline's %s (%s; tolerance %s %%)",
                            currentName,
                            r.what(),
                            show(r.metric(), r.current()),
                            r.status() == Verdict.Status.FAIL ? "worse than" : "within tolerance of",
                            show(r.metric(), r.baseline()),
                            change(r.changePercent()),
                            trim(tolerance * 100));
            };
            out.add(new Verdict(
                    currentName,
                    name,
                    r.status(),
                    limit,
                    r.current(),
                    r.metric().isBytes(),
                    message));
        }
        return out;
    }
}
