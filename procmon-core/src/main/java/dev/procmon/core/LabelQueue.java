package dev.procmon.core;

import org.jspecify.annotations.Nullable;

/**
 * One monitor's labels waiting for its next sample: a bounded ring, so a runaway caller cannot run
 * the JVM out of memory. A label offered to a full or closed queue is not stored; one offered to a
 * full queue is counted and the count reported on the next line. Polling allocates nothing.
 * Synchronized: offers come from any thread, polls from the ProcMon thread, and {@link #close()}
 * must be atomic with respect to offers so that an accepted label is always drained.
 */
final class LabelQueue {

    static final int CAPACITY = 1024;

    private final QueuedLabel[] ring = new QueuedLabel[CAPACITY];
    private int head;
    private int size;
    private long dropped;
    private boolean closed;

    synchronized boolean offer(QueuedLabel label) {
        if (closed) {
            return false;
        }
        if (size == CAPACITY) {
            dropped++;
            return false;
        }
        ring[(head + size) % CAPACITY] = label;
        size++;
        return true;
    }

    synchronized @Nullable QueuedLabel poll() {
        if (size == 0) {
            return null;
        }
        QueuedLabel label = ring[head];
        ring[head] = null;
        head = (head + 1) % CAPACITY;
        size--;
        return label;
    }

    /** Returns and resets the count of labels dropped since the last call. */
    synchronized long takeDropped() {
        long n = dropped;
        dropped = 0;
        return n;
    }

    /** Accepts nothing more; what is queued stays to be drained. */
    synchronized void close() {
        closed = true;
    }
}
