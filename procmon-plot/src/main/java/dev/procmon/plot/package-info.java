/**
 * Reads procmon and TotalDepth process logs (the {@code ProcessLoggingThread-JSON} lines) into one
 * table per process run and writes them as gnuplot data and script, SVG, PNG and an interactive HTML
 * report. The entry points are {@link dev.procmon.plot.LogPlotter} for the whole job,
 * {@link dev.procmon.plot.RunComparison} for runs side by side, {@link dev.procmon.plot.ProcmonLog} for
 * code that reads a recording and asserts on it ({@link dev.procmon.plot.ProcessRun}: columns and
 * labels; {@link dev.procmon.plot.RunSummary} and {@link dev.procmon.plot.PhaseSummary}: peaks,
 * totals, phases), {@link dev.procmon.plot.LogExport} for every sample as CSV or JSON Lines, and
 * {@link dev.procmon.plot.LogReader} for parsing alone; everything else is package-private.
 */
package dev.procmon.plot;
