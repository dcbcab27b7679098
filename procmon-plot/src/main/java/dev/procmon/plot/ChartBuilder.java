package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one process's table into a {@link Chart}: RSS (and JVM heap used, if logged) against the left
 * axis; page faults in thousands per second (a fixed scale), mean and
 * instantaneous CPU % against the right. Series missing from the log are left out.
 */
final class ChartBuilder {

    /**
     * Page faults are drawn in thousands per second on every plot (a fixed scale, so plots compare),
     * sharing the right axis with CPU %.
     */
    static final double FAULTS_PER = 1000;

    private ChartBuilder() {}

    static Chart build(String logName, SampleTable table, DerivedSeries d, TimeAxis time) {
        List<Chart.Series> series = new ArrayList<>();
        double[] x = d.x();
        series.add(new Chart.Series(
                "RSS (MB), left axis", "#7b1fa2", 2.0, false, x, d.rssMb(), DatLayout.fixedNumber(LogField.RSS), 1));
        if (table.has(LogField.HEAP_USED)) {
            series.add(new Chart.Series(
                    "JVM heap used (MB), left axis",
                    "#1565c0",
                    1.5,
                    false,
                    x,
                    d.heapMb(),
                    DatLayout.fixedNumber(LogField.HEAP_USED),
                    1));
        }
        Chart.Series limit = PanelBuilder.memoryLimit(table, d);
        if (limit != null) {
            series.add(limit);
        }
        if (table.has(LogField.PFAULTS)) {
            series.add(new Chart.Series(
                    "Page faults (" + DecimalText.format(FAULTS_PER, 0) + "/s), right axis",
                    "#00acc1",
                    1.0,
                    true,
                    x,
                    divide(d.faultsPerSecond(), FAULTS_PER),
                    DatLayout.fixedNumber(LogField.PFAULTS),
                    FAULTS_PER));
        }
        if (CpuTime.logged(table)) {
            series.add(new Chart.Series(
                    "Mean CPU (%), right axis",
                    "#2e7d32", 1.5, true, x, d.meanCpu(), DatLayout.fixedNumber(DatLayout.MEAN_CPU), 1));
            series.add(new Chart.Series(
                    "Instantaneous CPU (%), right axis",
                    "#e53935", 1.0, true, x, d.instantCpu(), DatLayout.fixedNumber(DatLayout.INSTANT_CPU), 1));
        }
        List<Chart.ChartLabel> labels = new ArrayList<>();
        for (SampleTable.Label l : table.labels()) {
            // A label whose sample has no usable x (no timestamp on a clock axis) cannot be placed:
            // it is left out here, once, so every renderer and the .plt see the same labels.
            if (Double.isNaN(x[l.index()])) {
                continue;
            }
            labels.add(new Chart.ChartLabel(x[l.index()], l.text()));
        }
        String who = "pid " + table.pid() + (table.run() > 1 ? " (run " + table.run() + ")" : "");
        String y2 = table.has(LogField.PFAULTS) ? "CPU (%), page faults" : "CPU (%)";
        return new Chart(
                "Memory and CPU: " + logName + ", " + who,
                time == TimeAxis.CLOCK ? "Time of day" : "Elapsed time (s)",
                "Memory (MB)",
                y2,
                time == TimeAxis.CLOCK,
                series,
                labels);
    }

    private static double[] divide(double[] v, double by) {
        if (by == 1) {
            return v;
        }
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] / by;
        }
        return r;
    }
}
