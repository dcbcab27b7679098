package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which {@link Sampler} a monitor uses: /proc where there is one, the JDK's portable view otherwise. */
final class SamplerChoice {

    private SamplerChoice() {}

    /**
     * @param pid the process to sample, or -1 for this one
     * @throws IOException when another process (or a tree) was asked for and cannot be read
     */
    static Sampler open(long pid, boolean includeChildren, MonitorClock clock, MemoryDetail memory, ProcRoot proc)
            throws IOException {
        long self = ProcessHandle.current().pid();
        long target = pid > 0 ? pid : self;
        if (Files.isReadable(Path.of(proc.selfStat()))) {
            try {
                return includeChildren
                        ? ProcessTreeSampler.withCounters(target, clock, proc, memory)
                        : ProcStatSampler.withCounters(target, clock, proc, memory);
            } catch (IOException e) {
                if (target != self || includeChildren) {
                    throw e;
                }
                GuardedLog.warn("procmon: cannot read /proc ({}); using the JDK's portable view", e.getMessage());
            }
        } else if (target != self || includeChildren) {
            throw new IOException("sampling another process or children needs Linux /proc");
        }
        return new MxBeanSampler(clock);
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Throwable e) {
            GuardedLog.debug("procmon: closing {} failed: {}", c, GuardedLog.describe(e));
        }
    }
}
