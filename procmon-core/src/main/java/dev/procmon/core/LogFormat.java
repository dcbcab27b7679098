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

    /** Children's page faults, minor + major, of children that exited and were waited for (cumulative). */
    public static final String CHILDREN_PFAULTS = "children_pfaults";
    /** Children's major page faults (cumulative). */
    public static final String CHILDREN_PAGEINS = "children_pageins";
    /** Proportional set size, bytes (on request: costs a page-table walk). */
    public static final String PSS = "pss";
    /** Unique set size, bytes (on request). */
    public static final String USS = "uss";

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
    /** Labels dropped because the queue was full since the previous line; absent when zero. */
    public static final String LABELS_DROPPED = "labels_dropped";
    /** How many processes were summed into this line (procmon record --include-children). */
    public static final String NUM_PROCS = "num_procs";

    /** The phase a label line starts or ends: {@value #PHASE_START} or {@value #PHASE_END}; only on label lines. */
    public static final String PHASE = "phase";
    /** {@link #PHASE} value of the line that opens a phase. */
    public static final String PHASE_START = "start";
    /** {@link #PHASE} value of the line that closes a phase. */
    public static final String PHASE_END = "end";

    /** Threads of the sampled process (tree: summed). */
    public static final String NUM_THREADS = "num_threads";
    /** Open file descriptors of the sampled process (on request). */
    public static final String NUM_FDS = "num_fds";
    /** Object: context switches so far (cumulative). */
    public static final String NUM_CTX_SWITCHES = "num_ctx_switches";
    /** Context switches the process asked for (it waited). */
    public static final String VOLUNTARY = "voluntary";
    /** Context switches the scheduler imposed. */
    public static final String INVOLUNTARY = "involuntary";
    /** Object: I/O so far (cumulative), bytes. */
    public static final String IO_COUNTERS = "io_counters";
    /** Bytes the storage layer read for the process. */
    public static final String READ_BYTES = "read_bytes";
    /** Bytes the process caused to be written to the storage layer. */
    public static final String WRITE_BYTES = "write_bytes";
    /** Bytes read through read(2) and the like (page cache hits included). */
    public static final String READ_CHARS = "read_chars";
    /** Bytes written through write(2) and the like. */
    public static final String WRITE_CHARS = "write_chars";
    /** Object: the memory cgroup the process lives in. */
    public static final String CGROUP = "cgroup";
    /** The cgroup's memory limit, bytes; absent when there is none. */
    public static final String MEMORY_MAX = "memory_max";
    /** The cgroup's memory in use, bytes. */
    public static final String MEMORY_CURRENT = "memory_current";

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

    private LogFormat() {}
}
