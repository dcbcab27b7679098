package dev.procmon.core;

import org.jspecify.annotations.Nullable;

/**
 * Turns readings into lines: the first line a monitor writes is marked START, the last STOP, the
 * rest plain; each queued label gets a line of its own carrying the reading it was queued before.
 * A tick writes at most {@link #MAX_LABEL_LINES_PER_TICK} label lines and none once the next tick
 * is due, so labels faster than the sink wait (or are counted as dropped by their full queue)
 * while sampling keeps its rate. Used by the ProcMon thread only (and by a {@code close()} that
 * writes the STOP line in its place).
 */
final class LineEmitter {

    /** The most label lines one tick writes; the rest wait for the next tick. */
    static final int MAX_LABEL_LINES_PER_TICK = 64;

    enum Kind {
        START(LogFormat.MARKER_START),
        SAMPLE(LogFormat.MARKER),
        STOP(LogFormat.MARKER_STOP);

        final String marker;

        Kind(String marker) {
            this.marker = marker;
        }
    }

    private final SampleLineWriter writer;
    private final GuardedSink sink;
    private final LabelQueue labels;
    private final MonitorClock clock;
    private final LatestSample latest;
    private boolean started;

    LineEmitter(SampleLineWriter writer, GuardedSink sink, LabelQueue labels, MonitorClock clock, LatestSample latest) {
        this.writer = writer;
        this.sink = sink;
        this.labels = labels;
        this.clock = clock;
        this.latest = latest;
    }

    /** Writes a tick's lines: the reading with the first queued label, then more labels while time allows. */
    void emit(ProcessReading s, long epochMicros, long elapsedNanos, long deadlineNanos) {
        long dropped = labels.takeDropped();
        QueuedLabel label = labels.poll();
        for (int lines = 0; ; lines++) {
            write(started ? Kind.SAMPLE : Kind.START, s, epochMicros, elapsedNanos, label, dropped);
            dropped = 0;
            if (label == null
                    || sink.isShut()
                    || lines >= MAX_LABEL_LINES_PER_TICK
                    || clock.nanoTime() - deadlineNanos >= 0) {
                return;
            }
            label = labels.poll();
            if (label == null) {
                return;
            }
        }
    }

    /**
     * Writes the last lines: every label still queued (the queue is closed to new ones by now), the
     * last of them on the STOP line; labels left when the deadline passes are counted as dropped
     * on the STOP line. Then lets nothing more through.
     */
    void emitStop(ProcessReading s, long epochMicros, long elapsedNanos, long deadlineNanos) {
        long dropped = labels.takeDropped();
        QueuedLabel label = labels.poll();
        while (true) {
            QueuedLabel next = label == null ? null : labels.poll();
            if (next != null && clock.nanoTime() - deadlineNanos >= 0) {
                long rest = 1;
                while (labels.poll() != null) {
                    rest++;
                }
                dropped += rest;
                next = null;
            }
            Kind kind = next != null ? (started ? Kind.SAMPLE : Kind.START) : Kind.STOP;
            write(kind, s, epochMicros, elapsedNanos, label, dropped);
            dropped = 0;
            if (next == null) {
                sink.shut();
                return;
            }
            label = next;
        }
    }

    private void write(
            Kind kind,
            ProcessReading s,
            long epochMicros,
            long elapsedNanos,
            @Nullable QueuedLabel label,
            long dropped) {
        started = true;
        // Published before the write: a key-value sink reads this very sample back.
        latest.publish(s, epochMicros, elapsedNanos / 1_000);
        if (label != null) {
            latest.publishLabel(label.text());
        }
        sink.write(writer.format(
                kind.marker,
                s,
                epochMicros,
                elapsedNanos,
                label == null ? null : label.text(),
                label == null ? null : label.phase(),
                dropped));
    }
}
