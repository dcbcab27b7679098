package dev.procmon.core;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.List;
import javax.management.MBeanServerConnection;

/**
 * Another JVM's heap, GC and thread figures from its platform MXBeans (over JMX after {@code procmon
 * attach}): the monitor's JVM reader for that process, read after the {@code /proc} reading so JMX
 * latency never moves the sample's instant. The /proc figures are written even when the JVM stops
 * answering (its figures are then left out, reported once).
 */
final class RemoteJvmStats {

    private final long pid;
    private final MemoryMXBean memory;
    private final ThreadMXBean threads;
    private final List<GarbageCollectorMXBean> collectors;
    private boolean warned;

    RemoteJvmStats(long pid, MBeanServerConnection jvm) throws IOException {
        this.pid = pid;
        this.memory =
                ManagementFactory.newPlatformMXBeanProxy(jvm, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        this.threads =
                ManagementFactory.newPlatformMXBeanProxy(jvm, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
        this.collectors = ManagementFactory.getPlatformMXBeans(jvm, GarbageCollectorMXBean.class);
    }

    void sample(ProcessReading into) {
        try {
            MemoryUsage heap = memory.getHeapMemoryUsage();
            long nonHeap = memory.getNonHeapMemoryUsage().getUsed();
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean gc : collectors) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            into.heapUsed = heap.getUsed();
            into.heapCommitted = heap.getCommitted();
            into.nonHeapUsed = nonHeap;
            into.gcCount = count;
            into.gcMillis = millis;
            into.threads = threads.getThreadCount();
            into.hasJvm = true;
        } catch (RuntimeException e) {
            // Proxies wrap a lost connection in an unchecked exception; the process figures still count.
            // A JVM that is exiting closes its JMX first: the normal end of a recording, not a warning.
            if (!warned && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                warned = true;
                GuardedLog.debug("procmon: pid {} is exiting; its JMX connection is closed", pid);
            } else if (!warned) {
                warned = true;
                GuardedLog.warn(
                        "procmon: the JVM of pid {} no longer answers over JMX ({}); its heap figures are left out",
                        pid,
                        e.getCause() != null ? e.getCause() : e);
            }
        }
    }
}
