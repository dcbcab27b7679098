package dev.procmon.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The comparison table of runs shown side by side: duration, peak RSS, CPU, and each phase present in
 * every run, for each run, then each later run's change against the first, absolute and relative.
 */
final class CompareTable {

    private static final double MB = 1024.0 * 1024.0;

    private CompareTable() {}

    static ReportTable of(List<String> names, List<RunSummary> runs) {
        List<String> header = new ArrayList<>();
        header.add("Measure");
        header.addAll(names);
        for (int k = 1; k < names.size(); k++) {
            header.add(names.get(k) + " vs " + names.get(0));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("Duration (s)", runs, RunSummary::durationSeconds, 3));
        rows.add(row("Peak RSS (MB)", runs, r -> r.peakRssBytes() / MB, 1));
        rows.add(row("CPU (s)", runs, RunSummary::cpuSeconds, 2));
        rows.add(row("Mean CPU (%)", runs, RunSummary::meanCpuPercent, 1));
        for (String phase : commonPhases(runs)) {
            rows.add(row(
                    "Phase " + phase + ": duration (s)",
                    runs,
                    r -> phase(r, phase).durationSeconds(),
                    3));
            rows.add(row(
                    "Phase " + phase + ": CPU (s)", runs, r -> phase(r, phase).cpuSeconds(), 2));
            rows.add(row(
                    "Phase " + phase + ": RSS peak (MB)",
                    runs,
                    r -> phase(r, phase).rssPeakBytes() / MB,
                    1));
            rows.add(row(
                    "Phase " + phase + ": RSS change (MB)",
                    runs,
                    r -> phase(r, phase).rssChangeBytes() / MB,
                    1));
        }
        return new ReportTable("Runs compared", header, rows);
    }

    /** The phases (first of each name) that every run has, in the first run's order. */
    private static List<String> commonPhases(List<RunSummary> runs) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (PhaseSummary p : runs.get(0).phases()) {
            if (p.kind() == PhaseSummary.Kind.PHASE) {
                seen.putIfAbsent(p.name(), 0);
            }
        }
        List<String> common = new ArrayList<>();
        for (String name : seen.keySet()) {
            if (runs.stream().allMatch(r -> phase(r, name) != null)) {
                common.add(name);
            }
        }
        return common;
    }

    /** Only asked for a phase common to all runs ({@link #commonPhases}), so it is always there. */
    private static PhaseSummary phase(RunSummary r, String name) {
        for (PhaseSummary p : r.phases()) {
            if (p.kind() == PhaseSummary.Kind.PHASE && p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalStateException("phase " + name + " is not in every run");
    }

    private static List<String> row(
            String measure, List<RunSummary> runs, ToDoubleFunction<RunSummary> f, int decimals) {
        List<String> row = new ArrayList<>();
        row.add(measure);
        double first = f.applyAsDouble(runs.get(0));
        for (RunSummary r : runs) {
            row.add(PhaseTable.text(f.applyAsDouble(r), decimals));
        }
        for (int k = 1; k < runs.size(); k++) {
            row.add(change(first, f.applyAsDouble(runs.get(k)), decimals));
        }
        return row;
    }

    /** {@code +1.5 (+12.0 %)}; no percentage against zero; empty if either value is missing. */
    static String change(double from, double to, int decimals) {
        if (Double.isNaN(from) || Double.isNaN(to)) {
            return "";
        }
        double d = to - from;
        String abs = (d >= 0 ? "+" : "") + DecimalText.format(d, decimals);
        if (from == 0) {
            return abs;
        }
        double pct = d / Math.abs(from) * 100;
        return abs + " (" + (pct >= 0 ? "+" : "") + DecimalText.format(pct, 1) + " %)";
    }
}
