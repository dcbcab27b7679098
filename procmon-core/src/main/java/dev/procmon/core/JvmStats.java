package dev.procmon.core;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;

/**
 * The JVM's own view of itself: heap, non-heap, GC and threads. Heap figures come from
 * {@link Runtime}, which allocates nothing; the non-heap figure costs one small
 * {@link java.lang.management.MemoryUsage} per sample, the only allocation of a sample.
 */
final class JvmStats {

    private final Runtime runtime = Runtime.getRuntime();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final GarbageCollectorMXBean[] collectors =
            ManagementFactory.getGarbageCollectorMXBeans().toArray(new GarbageCollectorMXBean[0]);

    void sample(ProcessReading into) {
        // Two reads, not one snapshot: a heap that grows between them would make used = committed - free
        // negative. Re-read until committed holds still (a few tries), and never write less than 0.
        long committed;
        long free;
        int tries = 0;
        do {
            committed = runtime.totalMemory();
            free = runtime.freeMemory();
        } while (committed != runtime.totalMemory() && ++tries < 3);
        into.hasJvm = true;
        into.heapCommitted = committed;
        into.heapUsed = Math.max(0, committed - free);
        into.nonHeapUsed = memory.getNonHeapMemoryUsage().getUsed();
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        into.gcCount = count;
        into.gcMillis = millis;
        into.threads = threads.getThreadCount();
    }
}
