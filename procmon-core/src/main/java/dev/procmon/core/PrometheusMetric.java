package dev.procmon.core;

import java.util.function.ToDoubleFunction;

/**
 * What a monitor serves to Prometheus, sample by sample. The names and labels of the process and JVM
 * families are those of Prometheus' own Java client ({@code process_cpu_seconds_total},
 * {@code jvm_memory_used_bytes{area="heap"}}, ...), so existing dashboards work unchanged; what
 * procmon adds is named {@code procmon_*} with its unit in the name. A family is left out of a scrape
 * when its value is not known.
 */
// ImmutableEnumChecker: the constants hold stateless method references, immutable in fact.
@SuppressWarnings("ImmutableEnumChecker")
enum PrometheusMetric {
    /** The process's user and system time and its waited-for children's, as {@code time} reports a command. */
    PROCESS_CPU(
            "process_cpu_seconds_total",
            Type.COUNTER,
            "Total user and system CPU time spent in seconds.",
            "",
            s -> s.sum(LogField.USER, LogField.SYSTEM, LogField.CHILDREN_USER, LogField.CHILDREN_SYSTEM)),
    PROCESS_START(
            "process_start_time_seconds",
            Type.GAUGE,
            "Start time of the process since unix epoch in seconds.",
            "",
            MetricsSnapshot::processStartEpochSeconds),
    PROCESS_RSS(
            "process_resident_memory_bytes",
            Type.GAUGE,
            "Resident memory size in bytes.",
            "",
            s -> s.get(LogField.RSS)),
    PROCESS_VMS(
            "process_virtual_memory_bytes", Type.GAUGE, "Virtual memory size in bytes.", "", s -> s.get(LogField.VMS)),
    PROCESS_OPEN_FDS(
            "process_open_fds", Type.GAUGE, "Number of open file descriptors.", "", s -> s.get(LogField.NUM_FDS)),

    JVM_HEAP_USED(
            "jvm_memory_used_bytes",
            Type.GAUGE,
            "Used bytes of a given JVM memory area.",
            "area=\"heap\"",
            s -> s.get(LogField.HEAP_USED)),
    JVM_NON_HEAP_USED(
            "jvm_memory_used_bytes",
            Type.GAUGE,
            "Used bytes of a given JVM memory area.",
            "area=\"nonheap\"",
            s -> s.get(LogField.NON_HEAP_USED)),
    JVM_HEAP_COMMITTED(
            "jvm_memory_committed_bytes",
            Type.GAUGE,
            "Committed (bytes) of a given JVM memory area.",
            "area=\"heap\"",
            s -> s.get(LogField.HEAP_COMMITTED)),
    JVM_THREADS(
            "jvm_threads_current", Type.GAUGE, "Current thread count of a JVM.", "", s -> s.get(LogField.JVM_THREADS)),

    MINOR_FAULTS(
            "procmon_page_faults_total",
            Type.COUNTER,
            "Page faults of the process.",
            "type=\"minor\"",
            s -> s.get(LogField.PFAULTS) - s.get(LogField.PAGEINS)),
    MAJOR_FAULTS(
            "procmon_page_faults_total",
            Type.COUNTER,
            "Page faults of the process.",
            "type=\"major\"",
            s -> s.get(LogField.PAGEINS)),
    THREADS(
            "procmon_threads",
            Type.GAUGE,
            "Threads of the process (the kernel's count).",
            "",
            s -> s.get(LogField.NUM_THREADS)),
    PROCESSES(
            "procmon_processes",
            Type.GAUGE,
            "Processes summed into the sample (a recorded process tree).",
            "",
            s -> s.get(LogField.NUM_PROCS)),
    CTX_VOLUNTARY(
            "procmon_context_switches_total",
            Type.COUNTER,
            "Context switches of the process.",
            "type=\"voluntary\"",
            s -> s.get(LogField.VOLUNTARY)),
    CTX_INVOLUNTARY(
            "procmon_context_switches_total",
            Type.COUNTER,
            "Context switches of the process.",
            "type=\"involuntary\"",
            s -> s.get(LogField.INVOLUNTARY)),
    DISK_READ(
            "procmon_disk_io_bytes_total",
            Type.COUNTER,
            "Bytes read from or written to the storage layer.",
            "direction=\"read\"",
            s -> s.get(LogField.READ_BYTES)),
    DISK_WRITE(
            "procmon_disk_io_bytes_total",
            Type.COUNTER,
            "Bytes read from or written to the storage layer.",
            "direction=\"write\"",
            s -> s.get(LogField.WRITE_BYTES)),
    IO_READ(
            "procmon_io_bytes_total",
            Type.COUNTER,
            "Bytes passed through read and write system calls.",
            "direction=\"read\"",
            s -> s.get(LogField.READ_CHARS)),
    IO_WRITE(
            "procmon_io_bytes_total",
            Type.COUNTER,
            "Bytes passed through read and write system calls.",
            "direction=\"write\"",
            s -> s.get(LogField.WRITE_CHARS)),
    PSS(
            "procmon_proportional_memory_bytes",
            Type.GAUGE,
            "Proportional set size (PSS) in bytes.",
            "",
            s -> s.get(LogField.PSS)),
    USS("procmon_unique_memory_bytes", Type.GAUGE, "Unique set size (USS) in bytes.", "", s -> s.get(LogField.USS)),
    CGROUP_LIMIT(
            "procmon_cgroup_memory_limit_bytes",
            Type.GAUGE,
            "Memory limit of the process's cgroup.",
            "",
            s -> s.get(LogField.CGROUP_MEMORY_MAX)),
    CGROUP_USAGE(
            "procmon_cgroup_memory_usage_bytes",
            Type.GAUGE,
            "Memory charged to the process's cgroup.",
            "",
            s -> s.get(LogField.CGROUP_MEMORY_CURRENT)),
    PEAK_RSS(
            "procmon_peak_resident_memory_bytes",
            Type.GAUGE,
            "Largest resident memory size of any sample, bytes.",
            "",
            MetricsSnapshot::peakRssBytes),
    GC_SECONDS(
            "procmon_jvm_gc_seconds_total",
            Type.COUNTER,
            "Time spent in all garbage collectors, seconds.",
            "",
            s -> s.get(LogField.GC_TIME)),
    GC_COUNT(
            "procmon_jvm_gc_collections_total",
            Type.COUNTER,
            "Collections by all garbage collectors.",
            "",
            s -> s.get(LogField.GC_COUNT)),
    LABELS("procmon_labels_total", Type.COUNTER, "Labels written to the log.", "", s -> s.labels()),
    SAMPLE_TIME(
            "procmon_last_sample_timestamp_seconds",
            Type.GAUGE,
            "When the sample served was taken, seconds since unix epoch.",
            "",
            MetricsSnapshot::epochSeconds);

    enum Type {
        GAUGE("gauge"),
        COUNTER("counter");

        final String text;

        Type(String text) {
            this.text = text;
        }
    }

    final String name;
    final Type type;
    final String help;
    /** Constant labels, already in exposition syntax ({@code area="heap"}), or empty. */
    final String labels;

    final ToDoubleFunction<MetricsSnapshot> value;

    PrometheusMetric(String name, Type type, String help, String labels, ToDoubleFunction<MetricsSnapshot> value) {
        this.name = name;
        this.type = type;
        this.help = help;
        this.labels = labels;
        this.value = value;
    }
}
