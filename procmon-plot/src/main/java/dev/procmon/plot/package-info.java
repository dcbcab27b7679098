/**
 * Reads procmon and TotalDepth process logs (the {@code ProcessLoggingThread-JSON} lines) into one
 * table per process run and writes them as gnuplot data and script, SVG, PNG and an interactive HTML
 * report. The entry points are {@link dev.procmon.plot.LogPlotter} for the whole job,
 * {@link dev.procmon.plot.RunComparison} for runs side by side and {@link dev.procmon.plot.LogReader}
 * for parsing alone; everything else is package-private.
 */
package dev.procmon.plot;
