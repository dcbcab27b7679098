/**
 * A running {@link dev.procmon.core.ProcessMonitor}'s samples as OpenTelemetry process metrics,
 * named by the OpenTelemetry semantic conventions for processes: {@link
 * dev.procmon.otel.ProcessInstruments#register}.
 */
package dev.procmon.otel;
