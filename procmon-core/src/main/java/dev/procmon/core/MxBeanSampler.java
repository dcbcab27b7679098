package dev.procmon.core;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import org.jspecify.annotations.Nullable;

/**
 * The portable fallback where there is no /proc: the JDK knows this process's total CPU time and
 * committed virtual memory, nothing else. The total CPU time is written as {@code user} (the JDK
 * cannot split it); rss, page faults, system and children's times are left out, not zeroed.
 */
final class MxBeanSampler implements Sampler {

    private final long pid = ProcessHandle.current().pid();
    private final long processStartNanos;
    private final com.sun.management.@Nullable OperatingSystemMXBean os;

    MxBeanSampler(MonitorClock clock) {
        long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        processStartNanos = clock.nanoTime() - uptimeMillis * 1_000_000L;
        OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        os = bean instanceof com.sun.management.OperatingSystemMXBean sun ? sun : null;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public void sample(ProcessReading into) {
        into.pid = pid;
        into.processStartNanos = processStartNanos;
        if (os != null) {
            long cpu = os.getProcessCpuTime();
            into.userMicros = cpu < 0 ? ProcessReading.UNKNOWN : cpu / 1_000;
            long vms = os.getCommittedVirtualMemorySize();
            into.vmsBytes = vms < 0 ? ProcessReading.UNKNOWN : vms;
        }
    }
}
