package dev.procmon.core;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.event.Level;

/**
 * Logs a process's memory and CPU at a fixed rate, one line per sample, in the log format of
 * Python's TotalDepth.common.process (see {@link LogFormat}):
 *
 * <pre>{@code
 * try (ProcessMonitor monitor = ProcessMonitor.start(Duration.ofSeconds(1))) {
 *     ProcessMonitor.label("loading index");
 *     try (Phase indexing = ProcessMonitor.phase("indexing")) {
 *         work();
 *     }
 * }
 * }</pre>
 *
 * <p>The samples are taken by a daemon thread named {@code ProcMon}, which never keeps the JVM
 * alive. The first line is marked {@link LogFormat#MARKER_START}, the last {@link
 * LogFormat#MARKER_STOP}; a shutdown hook writes the last line if the JVM exits while the monitor
 * is open. Nothing is ever thrown into the application and nothing blocks it: a sample or write
 * that fails is reported once at WARN and the monitor carries on.
 */
public final class ProcessMonitor implements AutoCloseable {

    /** The logger the lines go to unless the builder names another. */
    public static final String DEFAULT_LOGGER = "procmon";

    /** The shortest interval between samples a monitor accepts (10 ms); command-line options check it too. */
    public static final Duration MIN_INTERVAL = MonitorOptions.MIN_INTERVAL;

    static final String THREAD_NAME = MonitorThread.NAME;

    private final MonitorLifecycle life;

    ProcessMonitor(MonitorLifecycle life) {
        this.life = life;
    }

    /** Starts a monitor of this process that writes to the {@code procmon} logger at INFO. */
    public static ProcessMonitor start(Duration interval) {
        return builder().interval(interval).start();
    }

    /** Options: interval, logger and level, or a file or consumer for the lines, another pid. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Queues a label for the next sample of every monitor of this process open now; each writes
     * one line per queued label, carrying its label. A monitor of another process never takes it.
     * Each monitor's queue is bounded; a label that does not fit is counted and reported as
     * {@code labels_dropped} on that monitor's next line. Never blocks.
     *
     * @return whether a monitor took the label; false when no monitor of this process is open (the
     *     label is not kept for a later one) or every open monitor's queue is full
     */
    public static boolean label(String text) {
        return OpenMonitors.offer(QueuedLabel.of(text, null));
    }

    /**
     * Starts a phase: a label line with {@code "phase": "start"} now, one with {@code "phase": "end"}
     * when the returned phase is closed. Queued as {@link #label(String)} queues a label.
     */
    public static Phase phase(String name) {
        return Phase.begin(name);
    }

    /**
     * Queues a label for this monitor only, whatever process it samples: how labels sent from
     * outside reach a recording of another process ({@code procmon record}, {@code attach}).
     * Bounded and never blocking, as {@link #label(String)}.
     *
     * @return whether the label was queued (false once the monitor is closing, or its queue is full)
     */
    public boolean addLabel(String text) {
        return life.labels.offer(QueuedLabel.of(text, null));
    }

    /** The pid of the sampled process. */
    public long pid() {
        return life.sampler.pid();
    }

    /** The sampling interval. */
    public Duration interval() {
        return Duration.ofNanos(life.intervalNanos);
    }

    /**
     * How many samples could not be taken so far (logged once at WARN; those after the sampled
     * process has exited only at DEBUG).
     */
    public long failedSamples() {
        return life.sampler.failures();
    }

    /**
     * The last sample written, for a metrics exporter on another thread: a consistent copy taken
     * without waiting for (or holding up) the ProcMon thread.
     *
     * @return the values of the last sample, empty before the first
     */
    public Optional<MetricsSnapshot> latest() {
        return Optional.ofNullable(life.latest.snapshot());
    }

    /** Returns the address the Prometheus endpoint is bound to, when the builder asked for one. */
    public Optional<InetSocketAddress> prometheusAddress() {
        MetricsEndpoint endpoint = life.endpoint;
        return endpoint == null ? Optional.empty() : Optional.of(endpoint.address());
    }

    /**
     * How many lines could not be written so far (a full disk, a closed pipe, a sink that threw;
     * reported once at WARN): a recording that lost lines can say so in its exit status.
     */
    public long failedWrites() {
        return life.sink.failed();
    }

    /** Schedule instants missed because the ProcMon thread was held up (reported once, at INFO). */
    long skippedSamples() {
        return life.loop.skipped();
    }

    /**
     * Stops sampling and returns once the STOP line is written and the sampler and sink are
     * closed, or after the stop timeout (5 s) if the ProcMon thread is stuck (then without a STOP
     * line). Safe from any thread, the sink's included (the STOP line is then written before this
     * returns); nothing is written after it returns. Idempotent; never throws.
     */
    @Override
    public void close() {
        life.close();
    }

    /** Options for a {@link ProcessMonitor}; {@link #start()} starts it. */
    public static final class Builder {
        final MonitorOptions options = new MonitorOptions();

        private Builder() {}

        /**
         * The time between samples (default 1 s); at least 10 ms, at most 365 days.
         *
         * @throws IllegalArgumentException for an interval outside those bounds, naming the option
         */
        public Builder interval(Duration interval) {
            options.interval = MonitorOptions.interval(interval);
            return this;
        }

        /** The SLF4J logger the lines go to (default {@value ProcessMonitor#DEFAULT_LOGGER}). */
        public Builder loggerName(String loggerName) {
            options.loggerName = Objects.requireNonNull(loggerName, "loggerName");
            return this;
        }

        /** The level of the lines (default INFO). */
        public Builder level(Level level) {
            options.level = Objects.requireNonNull(level, "level");
            return this;
        }

        /** Sends each line (marker and JSON, no line separator) to a consumer instead of SLF4J. */
        public Builder sink(Consumer<String> consumer) {
            options.consumer = Objects.requireNonNull(consumer, "consumer");
            options.file = null;
            return this;
        }

        /**
         * Appends the lines to a file instead of SLF4J, one write per line, allocation-free, each
         * after a TotalDepth-style prefix (time, pid, thread, level). A named pipe is opened by the
         * ProcMon thread, so {@link #start()} never waits for its reader.
         */
        public Builder file(Path file) {
            options.file = Objects.requireNonNull(file, "file");
            options.consumer = null;
            return this;
        }

        /** Samples another process (Linux, through /proc) instead of this one. */
        public Builder pid(long pid) {
            if (pid <= 0) {
                throw new IllegalArgumentException("pid must be positive: " + pid);
            }
            options.pid = pid;
            return this;
        }

        /** Whether lines about this JVM carry the {@code jvm} object (default true). */
        public Builder jvm(boolean jvm) {
            options.jvm = jvm;
            return this;
        }

        /**
         * Whether every live descendant of the sampled process is summed into its line (default
         * false): rss, vms, page faults, CPU times, threads, I/O, context switches, descriptors and
         * (with {@link #memory memory(PSS)}) PSS/USS are totals over the tree, found at each sample
         * by walking the kernel's children lists down from the process (or, on kernels without them,
         * by following parent links through all of /proc), and the line carries
         * {@link LogFormat#NUM_PROCS}. Linux only.
         */
        public Builder includeChildren(boolean includeChildren) {
            options.includeChildren = includeChildren;
            return this;
        }

        /**
         * Serves the last sample at {@code http://ADDRESS/metrics} in Prometheus' text format (see
         * docs/fleet.md for the names), from the JDK's HTTP server on a daemon thread of its own. Pass
         * a loopback address unless the endpoint is meant to be reachable from other machines; port 0
         * picks a free port ({@link ProcessMonitor#prometheusAddress()} tells which).
         */
        public Builder prometheus(InetSocketAddress address) {
            options.prometheus = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * How much to find out about memory (default {@link MemoryDetail#RSS});
         * {@link MemoryDetail#PSS} adds PSS and USS from {@code /proc/<pid>/smaps_rollup} at every sample
         * (summed over the tree with {@link #includeChildren}; Linux only).
         */
        public Builder memory(MemoryDetail memory) {
            options.memory = Objects.requireNonNull(memory, "memory");
            return this;
        }

        /**
         * Attaches each sample's fields to its SLF4J line as key-value pairs ({@code memory_info.rss},
         * {@code cpu_times.user}, ...), for JSON encoders that index them as fields (docs/fleet.md has
         * a Logback configuration). Off by default; only for the SLF4J sink.
         */
        public Builder keyValues(boolean keyValues) {
            options.keyValues = keyValues;
            return this;
        }

        /**
         * Declares that the {@link #pid(long) pid} will be a child this JVM starts after this call
         * and waits for (Linux): this process's children counters are read now, and once the child
         * has been reaped its lines carry its exact final totals from them (CPU times and page
         * faults, its reaped descendants included), a child gone before its first reading included.
         * Call it just before starting the child; nothing else this JVM reaps in between may run.
         *
         * @throws UncheckedIOException when {@code /proc/self/stat} cannot be read
         */
        public Builder launchedChild() {
            options.childBaseline = ChildBaseline.now(Path.of("/proc/self/stat"), options.clock);
            return this;
        }

        /**
         * Where /proc is (default: the system property {@code procmon.proc}, else {@code /proc}): a
         * monitor in a container can read the host's processes through a mount of its /proc.
         */
        public Builder procRoot(Path procRoot) {
            options.procRoot = Objects.requireNonNull(procRoot, "procRoot");
            return this;
        }

        Builder clock(MonitorClock clock) {
            options.clock = clock;
            return this;
        }

        Builder sampler(Sampler sampler) {
            options.sampler = sampler;
            return this;
        }

        /**
         * Lets other processes of this user add labels ({@code procmon label --pid PID TEXT}) through a
         * Unix domain socket in a directory only this user can enter (docs/any-jvm.md). Off by
         * default; a socket that cannot be opened is one warning and no labels from outside.
         */
        public Builder labelSocket(boolean labelSocket) {
            options.labelSocket = labelSocket;
            return this;
        }

        /**
         * Takes the JVM figures (heap, GC, threads) of the sampled process from its platform MXBeans
         * over this connection ({@code procmon attach}); they are read after the {@code /proc} reading,
         * and a JVM that stops answering leaves them out (reported once).
         */
        public Builder jvm(javax.management.MBeanServerConnection connection) {
            options.remoteJvm = Objects.requireNonNull(connection, "connection");
            return this;
        }

        Builder jvmReader(Consumer<ProcessReading> jvmReader) {
            options.jvmReader = Objects.requireNonNull(jvmReader, "jvmReader");
            return this;
        }

        Builder stopTimeout(Duration stopTimeout) {
            options.stopTimeout = MonitorOptions.inRange(stopTimeout, MonitorOptions.MAX_STOP_TIMEOUT, "stop timeout");
            return this;
        }

        /**
         * Starts the monitor: the first line is written by the ProcMon thread at once. A start
         * that fails closes what it opened.
         *
         * @throws UncheckedIOException when another process was asked for and cannot be read, or the
         *     file cannot be opened
         */
        public ProcessMonitor start() {
            return MonitorAssembly.start(options);
        }
    }
}
