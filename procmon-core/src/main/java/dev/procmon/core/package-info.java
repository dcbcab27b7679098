/**
 * The in-process monitor: {@link dev.procmon.core.ProcessMonitor} starts a daemon thread named
 * {@code ProcMon} that samples a process (itself by default) at a fixed rate and writes one line per
 * sample in TotalDepth's log format, whose keys live in {@link dev.procmon.core.LogFormat};
 * {@link dev.procmon.core.Phase} marks a named stretch of work. Everything else in this package is
 * package-private: the /proc reader, the JVM view, the allocation-free JSON line writer, the
 * sampling loop and its fixed-rate schedule, the line emitter, the label queues, the sinks, and
 * the guarded decorators that hold the failure policy.
 */
package dev.procmon.core;
