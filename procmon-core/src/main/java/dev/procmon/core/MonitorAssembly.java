package dev.procmon.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Puts a monitor together from its builder's options ({@link MonitorOptions}): the sampler (the launched child's reaped
 * totals, a tree, one process, or the JDK's view), the sink (file, consumer, SLF4J with or without
 * key-value pairs, stderr when no SLF4J provider is bound), the JVM reader (this JVM, or another
 * over JMX) and the label socket. A start that fails closes what it opened, and says what failed.
 */
final class MonitorAssembly {

    private MonitorAssembly() {}

    static ProcessMonitor start(MonitorOptions b) {
        Sampler s;
        ProcRoot proc = b.procRoot != null ? new ProcRoot(b.procRoot) : ProcRoot.fromSystemProperty();
        try {
            s = b.sampler != null
                    ? b.sampler
                    : b.childBaseline != null
                            ? ReapedChildSampler.open(
                                    b.pid,
                                    b.childBaseline,
                                    () -> SamplerChoice.open(b.pid, b.includeChildren, b.clock, b.memory, proc),
                                    proc)
                            : SamplerChoice.open(b.pid, b.includeChildren, b.clock, b.memory, proc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read process " + b.pid + ": " + e.getMessage(), e);
        }
        LineSink out;
        LatestSample latest = new LatestSample();
        try {
            out = b.file != null
                    ? LineSink.file(b.file, b.clock)
                    : b.consumer != null
                            ? LineSink.consumer(b.consumer)
                            : b.keyValues && LineSink.slf4jBound()
                                    ? new KeyValueSink(org.slf4j.LoggerFactory.getLogger(b.loggerName), b.level, latest)
                                    : LineSink.slf4jOrStderr(b.loggerName, b.level, b.clock);
        } catch (IOException e) {
            SamplerChoice.closeQuietly(s);
            throw new UncheckedIOException("cannot open " + b.file + ": " + e.getMessage(), e);
        }
        MonitorLifecycle life;
        try {
            Consumer<ProcessReading> remote =
                    b.remoteJvm == null ? null : new RemoteJvmStats(s.pid(), b.remoteJvm)::sample;
            life = new MonitorLifecycle(b, s, out, latest, remote).begin();
        } catch (IOException e) {
            SamplerChoice.closeQuietly(s);
            SamplerChoice.closeQuietly(out);
            throw new UncheckedIOException(
                    "cannot read the JVM figures of process " + s.pid() + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            SamplerChoice.closeQuietly(s);
            SamplerChoice.closeQuietly(out);
            throw e;
        }
        ProcessMonitor monitor = new ProcessMonitor(life);
        if (b.labelSocket) {
            try {
                life.labelSocket = LabelSocket.open(monitor.pid(), monitor::addLabel);
            } catch (IOException | RuntimeException e) {
                GuardedLog.warn(
                        "procmon: no labels from other processes for pid {} ({})",
                        monitor.pid(),
                        GuardedLog.describe(e));
            }
        }
        return monitor;
    }
}
