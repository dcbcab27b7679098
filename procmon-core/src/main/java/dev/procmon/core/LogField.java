package dev.procmon.core;

import java.util.List;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The log schema: every field a sample line may hold, defined once. The writer ({@code
 * SampleLineWriter}), both parsers of procmon-plot, its table, {@code .dat} columns and charts are
 * all driven by this list, so a new field is one line here (and a value in the sampler).
 *
 * <p>Declaration order is write order, depth first: an object's members follow it. Only the top level
 * holds objects. {@code docs/log-format.md} documents each field with its source.
 */
// EnumOrdinal: the log fields index flat per-sample arrays by ordinal on purpose (no boxing, no map on the hot path).
// ImmutableEnumChecker: the constants hold stateless method references, immutable in fact.
@SuppressWarnings({"EnumOrdinal", "ImmutableEnumChecker"})
public enum LogField {
    TIMESTAMP(null, LogFormat.TIMESTAMP, FieldKind.TIMESTAMP, 0, LogFormat.TIMESTAMP, DatUnit.ISO_TIME, null),
    MEMORY_INFO(
            null,
            LogFormat.MEMORY_INFO,
            FieldKind.OBJECT,
            Flag.REQUIRED | Flag.ALWAYS_WRITTEN,
            null,
            DatUnit.NONE,
            null),
    RSS(MEMORY_INFO, LogFormat.RSS, FieldKind.BYTES, Flag.REQUIRED | Flag.WHOLE, "rss_mb", DatUnit.MB, s -> s.rssBytes),
    VMS(MEMORY_INFO, LogFormat.VMS, FieldKind.BYTES, Flag.NULLABLE, "vms_mb", DatUnit.MB, s -> s.vmsBytes),
    PFAULTS(
            MEMORY_INFO,
            LogFormat.PFAULTS,
            FieldKind.COUNT,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "pfaults_per_s",
            DatUnit.PER_SECOND,
            s -> s.pageFaults),
    PAGEINS(
            MEMORY_INFO,
            LogFormat.PAGEINS,
            FieldKind.COUNT,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "major_faults_per_s",
            DatUnit.PER_SECOND,
            s -> s.majorFaults),
    CHILDREN_PFAULTS(
            MEMORY_INFO,
            LogFormat.CHILDREN_PFAULTS,
            FieldKind.COUNT,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "children_pfaults_per_s",
            DatUnit.PER_SECOND,
            s -> s.childrenPfaults),
    CHILDREN_PAGEINS(
            MEMORY_INFO,
            LogFormat.CHILDREN_PAGEINS,
            FieldKind.COUNT,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "children_major_faults_per_s",
            DatUnit.PER_SECOND,
            s -> s.childrenPageins),
    PSS(MEMORY_INFO, LogFormat.PSS, FieldKind.BYTES, Flag.NULLABLE, "pss_mb", DatUnit.MB, s -> s.pssBytes),
    USS(MEMORY_INFO, LogFormat.USS, FieldKind.BYTES, Flag.NULLABLE, "uss_mb", DatUnit.MB, s -> s.ussBytes),

    CPU_TIMES(
            null, LogFormat.CPU_TIMES, FieldKind.OBJECT, Flag.NULLABLE | Flag.ALWAYS_WRITTEN, null, DatUnit.NONE, null),
    USER(
            CPU_TIMES,
            LogFormat.USER,
            FieldKind.SECONDS,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "user_s",
            DatUnit.AS_LOGGED,
            s -> s.userMicros),
    SYSTEM(
            CPU_TIMES,
            LogFormat.SYSTEM,
            FieldKind.SECONDS,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "system_s",
            DatUnit.AS_LOGGED,
            s -> s.systemMicros),
    CHILDREN_USER(
            CPU_TIMES,
            LogFormat.CHILDREN_USER,
            FieldKind.SECONDS,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "children_user_s",
            DatUnit.AS_LOGGED,
            s -> s.childrenUserMicros),
    CHILDREN_SYSTEM(
            CPU_TIMES,
            LogFormat.CHILDREN_SYSTEM,
            FieldKind.SECONDS,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "children_system_s",
            DatUnit.AS_LOGGED,
            s -> s.childrenSystemMicros),

    ELAPSED_TIME(null, LogFormat.ELAPSED_TIME, FieldKind.SECONDS, Flag.REQUIRED, "t_s", DatUnit.AS_LOGGED, null),
    PID(null, LogFormat.PID, FieldKind.ID, Flag.WHOLE, "pid", DatUnit.AS_LOGGED, s -> s.pid),
    NUM_PROCS(
            null,
            LogFormat.NUM_PROCS,
            FieldKind.COUNT,
            Flag.NULLABLE,
            "num_procs",
            DatUnit.AS_LOGGED,
            s -> s.numProcs > 0 ? s.numProcs : ProcessReading.UNKNOWN),
    NUM_THREADS(
            null,
            LogFormat.NUM_THREADS,
            FieldKind.COUNT,
            Flag.NULLABLE,
            "num_threads",
            DatUnit.AS_LOGGED,
            s -> s.numThreads),
    NUM_FDS(null, LogFormat.NUM_FDS, FieldKind.COUNT, Flag.NULLABLE, "num_fds", DatUnit.AS_LOGGED, s -> s.numFds),
    NUM_CTX_SWITCHES(null, LogFormat.NUM_CTX_SWITCHES, FieldKind.OBJECT, Flag.NULLABLE, null, DatUnit.NONE, null),
    VOLUNTARY(
            NUM_CTX_SWITCHES,
            LogFormat.VOLUNTARY,
            FieldKind.COUNT,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "voluntary_ctx_switches_per_s",
            DatUnit.PER_SECOND,
            s -> s.voluntaryCtxSwitches),
    INVOLUNTARY(
            NUM_CTX_SWITCHES,
            LogFormat.INVOLUNTARY,
            FieldKind.COUNT,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "involuntary_ctx_switches_per_s",
            DatUnit.PER_SECOND,
            s -> s.involuntaryCtxSwitches),
    IO_COUNTERS(null, LogFormat.IO_COUNTERS, FieldKind.OBJECT, Flag.NULLABLE, null, DatUnit.NONE, null),
    READ_BYTES(
            IO_COUNTERS,
            LogFormat.READ_BYTES,
            FieldKind.BYTES,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "read_bytes_mb_per_s",
            DatUnit.MB_PER_SECOND,
            s -> s.readBytes),
    WRITE_BYTES(
            IO_COUNTERS,
            LogFormat.WRITE_BYTES,
            FieldKind.BYTES,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "write_bytes_mb_per_s",
            DatUnit.MB_PER_SECOND,
            s -> s.writeBytes),
    READ_CHARS(
            IO_COUNTERS,
            LogFormat.READ_CHARS,
            FieldKind.BYTES,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "read_chars_mb_per_s",
            DatUnit.MB_PER_SECOND,
            s -> s.readChars),
    WRITE_CHARS(
            IO_COUNTERS,
            LogFormat.WRITE_CHARS,
            FieldKind.BYTES,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "write_chars_mb_per_s",
            DatUnit.MB_PER_SECOND,
            s -> s.writeChars),
    CGROUP(null, LogFormat.CGROUP, FieldKind.OBJECT, Flag.NULLABLE, null, DatUnit.NONE, null),
    CGROUP_MEMORY_MAX(
            CGROUP,
            LogFormat.MEMORY_MAX,
            FieldKind.BYTES,
            Flag.NULLABLE,
            "cgroup_memory_max_mb",
            DatUnit.MB,
            s -> s.cgroupMemoryMax),
    CGROUP_MEMORY_CURRENT(
            CGROUP,
            LogFormat.MEMORY_CURRENT,
            FieldKind.BYTES,
            Flag.NULLABLE,
            "cgroup_memory_current_mb",
            DatUnit.MB,
            s -> s.cgroupMemoryCurrent),

    JVM(null, LogFormat.JVM, FieldKind.OBJECT, Flag.NULLABLE, null, DatUnit.NONE, null),
    HEAP_USED(
            JVM,
            LogFormat.HEAP_USED,
            FieldKind.BYTES,
            Flag.NULLABLE,
            "heap_used_mb",
            DatUnit.MB,
            s -> s.hasJvm ? s.heapUsed : ProcessReading.UNKNOWN),
    HEAP_COMMITTED(
            JVM,
            LogFormat.HEAP_COMMITTED,
            FieldKind.BYTES,
            Flag.NULLABLE,
            "heap_committed_mb",
            DatUnit.MB,
            s -> s.hasJvm ? s.heapCommitted : ProcessReading.UNKNOWN),
    NON_HEAP_USED(
            JVM,
            LogFormat.NON_HEAP_USED,
            FieldKind.BYTES,
            Flag.NULLABLE,
            "non_heap_used_mb",
            DatUnit.MB,
            s -> s.hasJvm ? s.nonHeapUsed : ProcessReading.UNKNOWN),
    GC_COUNT(
            JVM,
            LogFormat.GC_COUNT,
            FieldKind.COUNT,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "gc_per_s",
            DatUnit.PER_SECOND,
            s -> s.hasJvm ? s.gcCount : ProcessReading.UNKNOWN),
    GC_TIME(
            JVM,
            LogFormat.GC_TIME,
            FieldKind.SECONDS,
            Flag.NULLABLE | Flag.CUMULATIVE,
            "gc_time_s",
            DatUnit.AS_LOGGED,
            s -> s.hasJvm ? s.gcMillis * 1_000 : ProcessReading.UNKNOWN),
    JVM_THREADS(
            JVM,
            LogFormat.THREADS,
            FieldKind.COUNT,
            Flag.NULLABLE,
            "jvm_threads",
            DatUnit.AS_LOGGED,
            s -> s.hasJvm ? s.threads : ProcessReading.UNKNOWN),

    LABELS_DROPPED(null, LogFormat.LABELS_DROPPED, FieldKind.COUNT, Flag.NULLABLE, null, DatUnit.NONE, null),
    LABEL(null, LogFormat.LABEL, FieldKind.TEXT, 0, null, DatUnit.NONE, null),
    PHASE(null, LogFormat.PHASE, FieldKind.TEXT, 0, null, DatUnit.NONE, null);

    /** Bits of a field's {@code flags}. */
    private static final class Flag {
        static final int REQUIRED = 1;
        static final int NULLABLE = 2;
        static final int WHOLE = 4;
        static final int CUMULATIVE = 8;
        static final int ALWAYS_WRITTEN = 16;
    }

    private final @Nullable LogField parent;
    private final String key;
    private final FieldKind kind;
    private final int flags;
    private final @Nullable String datName;
    private final @Nullable DatUnit datUnit;
    /** The value in the writer's integer unit (seconds as microseconds), negative when unknown. */
    private final @Nullable ToLongFunction<ProcessReading> value;

    LogField(
            @Nullable LogField parent,
            String key,
            FieldKind kind,
            int flags,
            @Nullable String datName,
            @Nullable DatUnit datUnit,
            @Nullable ToLongFunction<ProcessReading> value) {
        if (parent != null && parent.kind != FieldKind.OBJECT) {
            throw new IllegalArgumentException(key + ": parent is not an object");
        }
        this.parent = parent;
        this.key = key;
        this.kind = kind;
        this.flags = flags;
        this.datName = datName;
        this.datUnit = datUnit;
        this.value = value;
    }

    /** Returns the JSON key, as written in its object. */
    public String key() {
        return key;
    }

    /** Returns the object that holds this field, or null at the top level. */
    public @Nullable LogField parent() {
        return parent;
    }

    /** Returns the dotted path, {@code memory_info.rss}. */
    public String path() {
        return parent == null ? key : parent.key + "." + key;
    }

    /** Returns what the value is. */
    public FieldKind kind() {
        return kind;
    }

    /** Returns true if a line without this field (or its object) is malformed. */
    public boolean required() {
        return (flags & Flag.REQUIRED) != 0;
    }

    /** Returns true if {@code null} stands for "not known" rather than making the line malformed. */
    public boolean nullable() {
        return (flags & Flag.NULLABLE) != 0;
    }

    /** Returns true if a number must be an integer token (a fraction makes the line malformed). */
    public boolean wholeNumber() {
        return (flags & Flag.WHOLE) != 0;
    }

    /** Returns true for a counter that only grows over a run (rates are derived when reading). */
    public boolean cumulative() {
        return (flags & Flag.CUMULATIVE) != 0;
    }

    /** Returns true for an object the writer writes even when none of its members is known. */
    public boolean alwaysWritten() {
        return (flags & Flag.ALWAYS_WRITTEN) != 0;
    }

    /** Returns the {@code .dat} column's name, or null when the field has no column. */
    public @Nullable String datName() {
        return datName;
    }

    /** Returns how the {@code .dat} column shows the value. */
    public @Nullable DatUnit datUnit() {
        return datUnit;
    }

    /** Returns true if the value is a number (a column of procmon-plot's table). */
    public boolean isNumber() {
        return kind.isNumber();
    }

    /** Returns the top-level fields, in write order. */
    public static List<LogField> topLevel() {
        return LogFieldTree.TOP_LEVEL;
    }

    /** Returns this object's members in write order (empty for a field that is not an object). */
    public List<LogField> members() {
        return LogFieldTree.MEMBERS.get(ordinal());
    }

    /**
     * The value of this field in a sample, in the writer's integer unit (microseconds for seconds),
     * negative when unknown; only for fields a sample holds ({@link #fromSample}).
     */
    long valueIn(ProcessReading s) {
        if (value == null) {
            throw new IllegalStateException(path() + " is not read from a sample");
        }
        return value.applyAsLong(s);
    }

    /** Returns true if the value comes from the {@link ProcessReading} (not from the line's time, label, ...). */
    boolean fromSample() {
        return value != null;
    }
}
