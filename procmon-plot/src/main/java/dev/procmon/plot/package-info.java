/**
 * Reads procmon and TotalDepth process logs (the {@code ProcessLoggingThread-JSON} lines) into one
 * table per process run and writes them as gnuplot data and script, SVG and PNG. The entry points
 * are {@link dev.procmon.plot.LogPlotter} for the whole job and {@link dev.procmon.plot.LogReader}
 * for parsing alone; everything else is package-private.
 */
package dev.procmon.plot;
