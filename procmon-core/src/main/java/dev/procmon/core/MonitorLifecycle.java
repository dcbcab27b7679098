package dev.procmon.core;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The running parts of one {@link ProcessMonitor} wired together, and their start and stop: the
 * ProcMon thread's sampling loop over the guarded sampler and sink, the label queue, the Prometheus
 * endpoint and label socket. {@link #close()} is the one stop path, bounded by the stop timeout, for
 * the application's thread, the sink's own thread and a sink that called {@code System.exit}.
 */
final class MonitorLifecycle {

    final long intervalNanos;
    private final long stopTimeoutNanos;
    private final boolean ofThisProcess;
    final GuardedSampler sampler;
    final GuardedSink sink;
    final LabelQueue labels = new LabelQueue();
    final SamplingLoop loop;
    private final MonitorThread thread;
    private final AtomicBoolean warnedStuck = new AtomicBoolean();
    /** Labels from other processes ({@link ProcessMonitor.Builder#labelSocket}), or null. */
    volatile @Nullable LabelSocket labelSocket;

    final LatestSample latest;
    /** The Prometheus endpoint, when the builder asked for one. */
    final @Nullable MetricsEndpoint endpoint;

    MonitorLifecycle(
            MonitorOptions o,
            Sampler s,
            LineSink out,
            LatestSample latest,
            @Nullable Consumer<ProcessReading> remoteJvm) {
        this.latest = latest;
        intervalNanos = o.interval.toNanos();
        stopTimeoutNanos = o.stopTimeout.toNanos();
        ofThisProcess = s.pid() == ProcessHandle.current().pid();
        Consumer<ProcessReading> jvm = remoteJvm != null
                ? remoteJvm
                : !o.jvm ? null : o.jvmReader != null ? o.jvmReader : ofThisProcess ? new JvmStats()::sample : null;
        sampler = new GuardedSampler(s, jvm);
        sink = new GuardedSink(out);
        LineEmitter emitter =
                new LineEmitter(new SampleLineWriter(ZoneId.systemDefault()), sink, labels, o.clock, latest);
        loop = new SamplingLoop(
                sampler,
                sink,
                emitter,
                o.clock,
                intervalNanos,
                stopTimeoutNanos / 2,
                () -> OpenMonitors.remove(labels));
        thread = new MonitorThread(loop, this::close);
        endpoint = o.prometheus == null ? null : MetricsEndpoint.open(o.prometheus, latest);
    }

    /** Starts the ProcMon thread; a start that fails closes the endpoint it opened. */
    MonitorLifecycle begin() {
        if (ofThisProcess) {
            OpenMonitors.add(labels);
        }
        try {
            thread.start();
        } catch (Throwable e) {
            OpenMonitors.remove(labels);
            if (endpoint != null) {
                endpoint.close();
            }
            throw e;
        }
        return this;
    }

    /** As {@link ProcessMonitor#close()}. */
    void close() {
        long deadline = System.nanoTime() + stopTimeoutNanos;
        OpenMonitors.remove(labels);
        loop.requestStop();
        if (thread.isCurrent()) {
            loop.writeStop();
        } else if (!thread.awaitEnd(deadline, this::sinkCalledExit)) {
            if (sinkCalledExit()) {
                // The sink called System.exit: the ProcMon thread waits for this very hook and never
                // returns, so the hook has the STOP line written and the monitor closed for it, by a
                // thread it need not wait for beyond the stop timeout (the sink may exit again).
                if (!MonitorThread.runBounded(loop::finish, deadline)) {
                    sink.shut();
                }
            } else {
                // The stuck thread still owns the sampler and the sink: closing them under it could make
                // it read a reused descriptor, so they are left to it; but it writes nothing more.
                sink.shut();
                if (warnedStuck.compareAndSet(false, true)) {
                    GuardedLog.warn(
                            "procmon: the ProcMon thread did not stop within {} ms; no STOP line written",
                            stopTimeoutNanos / 1_000_000);
                    thread.interrupt();
                }
            }
        }
        LabelSocket socket = labelSocket;
        if (socket != null) {
            socket.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        thread.removeHook();
    }

    private boolean sinkCalledExit() {
        return sink.writing() && thread.isExiting();
    }
}
