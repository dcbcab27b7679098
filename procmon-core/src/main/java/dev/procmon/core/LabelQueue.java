package dev.procmon.core;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process-wide queue of labels waiting for the next sample, as TotalDepth's message queue.
 * Bounded: a label offered to a full queue is counted, never stored, so a runaway caller cannot run
 * the JVM out of memory; the count is reported on the next line.
 */
final class LabelQueue {

    static final int CAPACITY = 1024;

    private static final ArrayBlockingQueue<String> QUEUE = new ArrayBlockingQueue<>(CAPACITY);
    private static final AtomicLong DROPPED = new AtomicLong();

    private LabelQueue() {
    }

    static boolean offer(String label) {
        if (QUEUE.offer(label)) {
            return true;
        }
        DROPPED.incrementAndGet();
        return false;
    }

    static String poll() {
        return QUEUE.poll();
    }

    static boolean isEmpty() {
        return QUEUE.isEmpty();
    }

    /** Returns and resets the count of labels dropped since the last call. */
    static long takeDropped() {
        return DROPPED.getAndSet(0);
    }

    /** For tests: forget everything queued. */
    static void clear() {
        QUEUE.clear();
        DROPPED.set(0);
    }
}
