package dev.procmon.core;

/**
 * The record format shared by the writer (this module) and every reader (procmon-plot): the line
 * markers and the JSON keys, in one place so the two can never disagree. The format is that of
 * Python's TotalDepth.common.process, plus the keys documented as procmon's own in
 * {@code docs/log-format.md}.
 */
public final class LogFormat {

    /** Marks every sample line; the JSON object follows it after one space. */
    public static final String MARKER = "ProcessLoggingThread-JSON";
    /** Marks the first line a monitor writes. */
    public static final String MARKER_START = MARKER + "-START";
    /** Marks the last line a monitor writes. */
    public static final String MARKER_STOP = MARKER + "-STOP";

    /** Local wall-clock time of the sample, {@link #TIMESTAMP_PATTERN}. */
    public static final String TIMESTAMP = "timestamp";
    /** {@link java.time.format.DateTimeFormatter} pattern of {@link #TIMESTAMP}. */
    public static final String TIMESTAMP_PATTERN = "yyyy-MM-dd HH:mm:ss.SSSSSS";

    /** Object: memory counters in bytes and page-fault counts. */
    public static final String MEMORY_INFO = "memory_info";
    /** Resident set size, bytes. */
    public static final String RSS = "rss";
    /** Virtual memory size, bytes. */
    public static final String VMS = "vms";
    /** Page faults so far, minor + major (cumulative). */
    public static final String PFAULTS = "pfaults";
    /** Major page faults so far (cumulative). */
    public static final String PAGEINS = "pageins";

    /** Object: CPU seconds so far (cumulative). */
    public static final String CPU_TIMES = "cpu_times";
    /** CPU seconds in user mode. */
    public static final String USER = "user";
    /** CPU seconds in kernel mode. */
    public static final String SYSTEM = "system";
    /** User CPU seconds of children that have exited and been waited for. */
    public static final String CHILDREN_USER = "children_user";
    /** System CPU seconds of children that have exited and been waited for. */
    public static final String CHILDREN_SYSTEM = "children_system";

    /** Seconds since the process started (not since the monitor started). */
    public static final String ELAPSED_TIME = "elapsed_time";
    /** The sampled process's id. */
    public static final String PID = "pid";
    /** The user's label queued before this sample; absent when there is none. */
    public static final String LABEL = "label";
    /** On a label line only: {@code start} or {@code end} when the label starts or ends a phase. */
    public static final String PHASE = "phase";
    /** Labels dropped because the queue was full since the previous line; absent when zero. */
    public static final String LABELS_DROPPED = "labels_dropped";
    /** How many processes were summed into this line (procmon record --include-children). */
    public static final String NUM_PROCS = "num_procs";

    /** Object: the JVM's own view of itself; absent when the sampled process is not this JVM. */
    public static final String JVM = "jvm";
    /** Heap in use, bytes. */
    public static final String HEAP_USED = "heap_used";
    /** Heap committed by the JVM, bytes. */
    public static final String HEAP_COMMITTED = "heap_committed";
    /** Non-heap memory in use (metaspace, code cache), bytes. */
    public static final String NON_HEAP_USED = "non_heap_used";
    /** Garbage collections so far, all collectors. */
    public static final String GC_COUNT = "gc_count";
    /** Seconds spent in garbage collection so far, all collectors. */
    public static final String GC_TIME = "gc_time";
    /** Live threads. */
    public static final String THREADS = "threads";

    private LogFormat() {
    }
}
