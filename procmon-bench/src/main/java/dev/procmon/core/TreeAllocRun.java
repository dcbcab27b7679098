package dev.procmon.core;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/**
 * Bytes allocated per tree sample in steady state, counted exactly by the sampling thread's own
 * allocation counter (JMH's {@code -prof gc} divides its own per-iteration allocation by the few
 * samples a 500-process iteration holds, which hides a zero). Usage: TreeAllocRun rootPid size
 * samples. Prints one JSON line.
 */
public final class TreeAllocRun {

    private TreeAllocRun() {}

    public static void main(String[] args) throws Exception {
        long root = Long.parseLong(args[0]);
        int size = Integer.parseInt(args[1]);
        int samples = Integer.parseInt(args[2]);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (ProcessTreeSampler tree = ProcessTreeSampler.open(root, MonitorClock.SYSTEM, ProcRoot.SYSTEM)) {
            ProcessReading reading = new ProcessReading();
            for (int i = 0; i < samples; i++) { // warm-up: members opened, buffers grown, code compiled
                reading.clear();
                tree.sample(reading);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            int wrong = 0;
            for (int i = 0; i < samples; i++) {
                reading.clear();
                tree.sample(reading);
                wrong += reading.numProcs == size ? 0 : 1;
            }
            long bytes = threads.getCurrentThreadAllocatedBytes() - before;
            System.out.println("{\"size\": " + size + ", \"samples\": " + samples + ", \"bytes\": " + bytes
                    + ", \"wrong_size_samples\": " + wrong + "}");
        }
    }
}
