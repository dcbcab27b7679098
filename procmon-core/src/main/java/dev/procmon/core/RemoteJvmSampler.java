package dev.procmon.core;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.List;
import javax.management.MBeanServerConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Another JVM's heap, GC and thread figures from its platform MXBeans (over JMX after {@code procmon
 * attach}), added to the readings of a process sampler: a decorator, so the /proc figures are
 * written even when the JVM stops answering (its figures are then left out, reported once).
 */
final class RemoteJvmSampler implements Sampler {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessMonitor.DEFAULT_LOGGER);

    private final Sampler process;
    private final MemoryMXBean memory;
    private final ThreadMXBean threads;
    private final List<GarbageCollectorMXBean> collectors;
    private boolean warned;

    RemoteJvmSampler(Sampler process, MBeanServerConnection jvm) throws IOException {
        this.process = process;
        this.memory = ManagementFactory.newPlatformMXBeanProxy(jvm, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        this.threads = ManagementFactory.newPlatformMXBeanProxy(jvm, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
        this.collectors = ManagementFactory.getPlatformMXBeans(jvm, GarbageCollectorMXBean.class);
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public void sample(Sample into) throws IOException {
        process.sample(into);
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
            if (!warned && !ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                warned = true;
                LOG.debug("procmon: pid {} is exiting; its JMX connection is closed", process.pid());
            } else if (!warned) {
                warned = true;
                LOG.warn("procmon: the JVM of pid {} no longer answers over JMX ({}); its heap figures are left out",
                        process.pid(), e.getCause() != null ? e.getCause() : e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        process.close();
    }
}
