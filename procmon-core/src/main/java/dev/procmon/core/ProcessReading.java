package dev.procmon.core;

/**
 * One raw reading of a process: what the samplers took from {@code /proc} (or the management beans)
 * and from the JVM, before it becomes a log line. Reused from sample to sample so the per-sample path
 * allocates nothing. (Not to be confused with procmon-plot's {@code Sample}, a parsed log line.) A
 * value of {@link #UNKNOWN} means the source cannot know it; the line then leaves the key out
 * rather than writing a zero that would be a lie.
 */
final class ProcessReading {

    static final long UNKNOWN = -1;

    long pid;
    /** When the sampled process started, in the {@link MonitorClock#nanoTime()} domain. */
    long processStartNanos;

    long rssBytes = UNKNOWN;
    long vmsBytes = UNKNOWN;
    long pageFaults = UNKNOWN;
    long majorFaults = UNKNOWN;
    /** Faults (minor + major) of reaped children, as {@code children_user} is their CPU (cminflt + cmajflt). */
    long childrenPfaults = UNKNOWN;
    /** Major faults of reaped children (cmajflt). */
    long childrenPageins = UNKNOWN;

    long pssBytes = UNKNOWN;
    long ussBytes = UNKNOWN;

    long userMicros = UNKNOWN;
    long systemMicros = UNKNOWN;
    long childrenUserMicros = UNKNOWN;
    long childrenSystemMicros = UNKNOWN;

    /** Processes summed into this sample; 0 means a single process (key left out). */
    int numProcs;

    long numThreads = UNKNOWN;
    long numFds = UNKNOWN;
    long voluntaryCtxSwitches = UNKNOWN;
    long involuntaryCtxSwitches = UNKNOWN;
    long readBytes = UNKNOWN;
    long writeBytes = UNKNOWN;
    long readChars = UNKNOWN;
    long writeChars = UNKNOWN;
    long cgroupMemoryMax = UNKNOWN;
    long cgroupMemoryCurrent = UNKNOWN;

    boolean hasJvm;
    long heapUsed;
    long heapCommitted;
    long nonHeapUsed = UNKNOWN;
    long gcCount;
    long gcMillis;
    int threads;

    void clear() {
        rssBytes = vmsBytes = pageFaults = majorFaults = UNKNOWN;
        childrenPfaults = childrenPageins = pssBytes = ussBytes = UNKNOWN;
        numThreads = numFds = voluntaryCtxSwitches = involuntaryCtxSwitches = UNKNOWN;
        readBytes = writeBytes = readChars = writeChars = UNKNOWN;
        cgroupMemoryMax = cgroupMemoryCurrent = UNKNOWN;
        userMicros = systemMicros = childrenUserMicros = childrenSystemMicros = UNKNOWN;
        numProcs = 0;
        hasJvm = false;
        nonHeapUsed = UNKNOWN;
    }
}
