package dev.procmon.core;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A named stretch of the application's work, from {@link ProcessMonitor#phase(String)} to
 * {@link #close()}:
 *
 * <pre>{@code
 * try (Phase indexing = ProcessMonitor.phase("indexing")) {
 *     buildIndex();
 * }
 * }</pre>
 *
 * <p>Its start and its end are label lines ({@code "label": "indexing", "phase": "start"} and
 * {@code "phase": "end"}), queued as {@link ProcessMonitor#label(String)} queues a label: written
 * by every monitor of this process open at that moment, never by a monitor of another process,
 * not kept when none is open. Closing is idempotent and never throws; a phase may be closed from
 * any thread.
 */
public final class Phase implements AutoCloseable {

    private final String name;
    private final boolean started;
    private final AtomicBoolean ended = new AtomicBoolean();

    private Phase(String name, boolean started) {
        this.name = name;
        this.started = started;
    }

    static Phase begin(String name) {
        QueuedLabel start = QueuedLabel.of(name, LogFormat.PHASE_START);
        return new Phase(start.text(), OpenMonitors.offer(start));
    }

    /** The phase's name, as written (cut as a label is). */
    public String name() {
        return name;
    }

    /** Whether a monitor took the start line (false: none of this process was open, or all were full). */
    public boolean started() {
        return started;
    }

    /** Queues the end line, the first time only. */
    @Override
    public void close() {
        if (ended.compareAndSet(false, true)) {
            OpenMonitors.offer(new QueuedLabel(name, LogFormat.PHASE_END));
        }
    }
}
