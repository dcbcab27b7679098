package dev.procmon.core;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ProcMon thread's work: a reading at every instant of a fixed-rate schedule, written by the
 * {@link LineEmitter}, until asked to stop; then the STOP line and the closing of sampler and sink.
 *
 * <p>A reading and its time are one instant: the time stamp is taken immediately around the
 * {@code /proc} read (the middle of it), and the JVM's figures, which can wait behind a large
 * allocation or a GC, are read only after it, so they can never skew a CPU or fault rate. A tick
 * that comes late (the thread was starved) is taken as soon as it can be, with its own true time;
 * the instants it covers are counted as skipped and reported once, and the next reading is the
 * first instant of the schedule at least half an interval later.  A wake-up late by less than an
 * interval is just taken late and keeps the next instant. Readings are double-buffered:
 * a failed one keeps the last good one for the STOP line.
 */
final class SamplingLoop implements Runnable {

    private final GuardedSampler sampler;
    private final GuardedSink sink;
    private final LineEmitter emitter;
    private final MonitorClock clock;
    private final FixedRateSchedule schedule;
    private final long intervalNanos;
    private final long stopBudgetNanos;
    private final AtomicBoolean stopClaimed = new AtomicBoolean();
    private final AtomicBoolean closedResources = new AtomicBoolean();
    private final Runnable closeLabels;
    private volatile boolean stopping;

    private ProcessReading scratch = new ProcessReading();
    private ProcessReading last = new ProcessReading();
    private long lastEpochMicros;
    private long lastElapsedNanos;
    private boolean haveLast;
    private boolean reportedSkips;
    private volatile long skipped;

    SamplingLoop(
            GuardedSampler sampler,
            GuardedSink sink,
            LineEmitter emitter,
            MonitorClock clock,
            long intervalNanos,
            long stopBudgetNanos,
            Runnable closeLabels) {
        this.sampler = sampler;
        this.sink = sink;
        this.emitter = emitter;
        this.clock = clock;
        this.intervalNanos = intervalNanos;
        this.stopBudgetNanos = stopBudgetNanos;
        this.closeLabels = closeLabels;
        this.schedule = new FixedRateSchedule(clock.nanoTime(), intervalNanos);
    }

    @Override
    public void run() {
        try {
            long now = clock.nanoTime();
            tick(schedule.nextDueAfter(now));
            long due = schedule.nextDueAfter(now);
            while (!stopping) {
                now = clock.nanoTime();
                if (now - due < 0) {
                    clock.sleepUntil(due);
                    if (Thread.interrupted() && !stopping) {
                        // Someone interrupted every thread; the monitor is stopped by close() only.
                        GuardedLog.debug("procmon: ProcMon thread interrupted; carrying on until closed");
                    }
                    continue;
                }
                // After a reading late by an interval or more, the next one at least half an interval
                // on, so that it does not follow a few ms later (CPU ticks over a few ms make spikes).
                // A wake-up merely late keeps the next instant, as a fixed rate should.
                long next = now - due >= intervalNanos
                        ? schedule.nextDueAfter(now + intervalNanos / 2 - 1)
                        : schedule.nextDueAfter(now);
                countSkipped((next - due) / intervalNanos - 1);
                due = next;
                tick(due);
            }
        } catch (Throwable unexpected) {
            // Every part is guarded; this is the last line of defence, never the host's problem.
            GuardedLog.warn(
                    "procmon: the ProcMon thread failed ({}); monitoring stops", GuardedLog.describe(unexpected));
        } finally {
            finish();
        }
    }

    /** Asks the loop to end; it writes the STOP line and closes sampler and sink on its way out. */
    void requestStop() {
        stopping = true;
    }

    /**
     * Writes the STOP line (once, whoever calls) and closes the sampler and the sink (once), these
     * even when the STOP line fails with an error (the loop may be ending because of one).
     */
    void finish() {
        try {
            writeStop();
        } finally {
            if (closedResources.compareAndSet(false, true)) {
                sampler.close();
                sink.close();
            }
        }
    }

    /**
     * Writes the STOP line with a fresh reading (the last good one if it fails); once only. First
     * closes the label queue, whether {@code close()} or a failure ends the loop: a monitor that
     * writes no more lines must not accept labels.
     */
    void writeStop() {
        if (!stopClaimed.compareAndSet(false, true)) {
            return;
        }
        try {
            closeLabels.run();
            if (read() || haveLast) {
                emitter.emitStop(last, lastEpochMicros, lastElapsedNanos, clock.nanoTime() + stopBudgetNanos);
            }
        } finally {
            sink.shut();
        }
    }

    long skipped() {
        return skipped;
    }

    private void tick(long nextDue) {
        if (read()) {
            emitter.emit(last, lastEpochMicros, lastElapsedNanos, nextDue);
        }
    }

    /** Takes a reading stamped with the instant of its /proc read; false (last kept) if it failed. */
    private boolean read() {
        long before = clock.nanoTime();
        long epochMicros = clock.epochMicros();
        if (!sampler.sample(scratch)) {
            return false;
        }
        long half = (clock.nanoTime() - before) / 2;
        long elapsedNanos = before + half - scratch.processStartNanos;
        sampler.addJvm(scratch);
        ProcessReading taken = scratch;
        scratch = last;
        last = taken;
        lastEpochMicros = epochMicros + half / 1_000;
        lastElapsedNanos = elapsedNanos;
        haveLast = true;
        return true;
    }

    /** Counts the schedule's instants a late tick covers; the first time, reports it (once, as HikariCP does). */
    // NonAtomicVolatileUpdate: skipped has one writer, the ProcMon thread; volatile only publishes it.
    @SuppressWarnings("NonAtomicVolatileUpdate")
    private void countSkipped(long n) {
        if (n <= 0) {
            return;
        }
        skipped += n;
        if (!reportedSkips) {
            reportedSkips = true;
            // INFO, not WARN: a starved thread on a busy host is a fact about the host, not a failure.
            GuardedLog.info(
                    "procmon: the ProcMon thread was held up and could not sample on time ({} sample(s) "
                            + "skipped at a {} s interval); later skips are counted, not reported",
                    n,
                    intervalNanos / 1e9);
        }
    }
}
