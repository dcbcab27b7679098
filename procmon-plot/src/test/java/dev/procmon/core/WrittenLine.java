package dev.procmon.core;

import java.time.ZoneOffset;
import java.util.Map;

/**
 * Test access to core's package-private writer from procmon-plot's tests: builds a {@link ProcessReading}
 * from values by schema field and formats it with {@link SampleLineWriter}, as the monitor does.
 */
public final class WrittenLine {

    private WrittenLine() {}

    /**
     * @param values by field, in the writer's integer unit (bytes, counts, microseconds for seconds);
     *     fields left out are unknown. {@link LogField#ELAPSED_TIME} is given in microseconds too.
     * @return the line from the marker on
     */
    public static String format(
            Map<LogField, Long> values, long epochMicros, String label, long labelsDropped, String phase) {
        ProcessReading s = new ProcessReading();
        s.clear();
        s.pid = -1;
        for (Map.Entry<LogField, Long> e : values.entrySet()) {
            set(s, e.getKey(), e.getValue());
        }
        long elapsedNanos = values.getOrDefault(LogField.ELAPSED_TIME, 0L) * 1_000;
        return new SampleLineWriter(ZoneOffset.UTC)
                .format(LogFormat.MARKER, s, epochMicros, elapsedNanos, label, phase, labelsDropped)
                .toString();
    }

    /** The test's own map from field to sample member: an oracle independent of LogField's accessors. */
    private static void set(ProcessReading s, LogField f, long v) {
        switch (f) {
            case RSS -> s.rssBytes = v;
            case VMS -> s.vmsBytes = v;
            case PFAULTS -> s.pageFaults = v;
            case PAGEINS -> s.majorFaults = v;
            case CHILDREN_PFAULTS -> s.childrenPfaults = v;
            case CHILDREN_PAGEINS -> s.childrenPageins = v;
            case PSS -> s.pssBytes = v;
            case USS -> s.ussBytes = v;
            case USER -> s.userMicros = v;
            case SYSTEM -> s.systemMicros = v;
            case CHILDREN_USER -> s.childrenUserMicros = v;
            case CHILDREN_SYSTEM -> s.childrenSystemMicros = v;
            case PID -> s.pid = v;
            case NUM_PROCS -> s.numProcs = Math.toIntExact(v);
            case NUM_THREADS -> s.numThreads = v;
            case NUM_FDS -> s.numFds = v;
            case VOLUNTARY -> s.voluntaryCtxSwitches = v;
            case INVOLUNTARY -> s.involuntaryCtxSwitches = v;
            case READ_BYTES -> s.readBytes = v;
            case WRITE_BYTES -> s.writeBytes = v;
            case READ_CHARS -> s.readChars = v;
            case WRITE_CHARS -> s.writeChars = v;
            case CGROUP_MEMORY_MAX -> s.cgroupMemoryMax = v;
            case CGROUP_MEMORY_CURRENT -> s.cgroupMemoryCurrent = v;
            case HEAP_USED -> jvm(s).heapUsed = v;
            case HEAP_COMMITTED -> jvm(s).heapCommitted = v;
            case NON_HEAP_USED -> jvm(s).nonHeapUsed = v;
            case GC_COUNT -> jvm(s).gcCount = v;
            case GC_TIME -> jvm(s).gcMillis = v / 1_000;
            case JVM_THREADS -> jvm(s).threads = Math.toIntExact(v);
            case ELAPSED_TIME -> {}
            default -> throw new IllegalArgumentException(f + " is not a sample value");
        }
    }

    /** A sample with a JVM view: the fields the test does not set stay unknown or zero. */
    private static ProcessReading jvm(ProcessReading s) {
        if (!s.hasJvm) {
            s.hasJvm = true;
            s.heapUsed = s.heapCommitted = s.nonHeapUsed = s.gcCount = s.gcMillis = ProcessReading.UNKNOWN;
            s.threads = -1;
        }
        return s;
    }
}
