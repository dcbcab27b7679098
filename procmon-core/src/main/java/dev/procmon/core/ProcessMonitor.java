package dev.procmon.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Logs a process's memory and CPU at a fixed rate, one line per sample, in the log format of
 * Python's TotalDepth.common.process (see {@link LogFormat}):
 *
 * <pre>{@code
 * try (ProcessMonitor monitor = ProcessMonitor.start(Duration.ofSeconds(1))) {
 *     ProcessMonitor.label("loading index");
 *     work();
 * }
 * }</pre>
 *
 * <p>The samples are taken by a daemon thread named {@code ProcMon}, which never keeps the JVM
 * alive. The first line is marked {@link LogFormat#MARKER_START}, the last {@link
 * LogFormat#MARKER_STOP}; a shutdown hook writes the last line if the JVM exits while the monitor
 * is open. Nothing is ever thrown into the application: a sample or write that fails is logged once
 * at WARN and the monitor carries on.
 */
public final class ProcessMonitor implements AutoCloseable {

    /** The logger the lines go to unless the builder names another. */
    public static final String DEFAULT_LOGGER = "procmon";
    static final String THREAD_NAME = "ProcMon";

    private static final Logger LOG = LoggerFactory.getLogger(DEFAULT_LOGGER);

    private final Sampler sampler;
    private final JvmStats jvm;
    private final LineSink sink;
    private final MonitorClock clock;
    private final long intervalNanos;
    private final long stopTimeoutNanos;
    private final FixedRateSchedule schedule;
    private final SampleLineWriter writer = new SampleLineWriter(ZoneId.systemDefault());
    private final Thread thread;
    private final Thread shutdownHook;

    /** The reading being taken and the last good one: swapped on success so a failure keeps the last. */
    private Sample scratch = new Sample();
    private Sample last = new Sample();
    private boolean haveLast;
    private boolean startWritten;
    private boolean warnedSample;
    private boolean warnedSink;
    /** Written by the sampling thread only; volatile so {@link #failedSamples()} reads it without a lock. */
    private volatile long failedSamples;

    private volatile boolean closing;
    private boolean closed;

    private ProcessMonitor(Builder b, Sampler sampler, LineSink sink) {
        this.sampler = sampler;
        this.jvm = b.jvm && sampler.pid() == ProcessHandle.current().pid() ? new JvmStats() : null;
        this.sink = sink;
        this.clock = b.clock;
        this.intervalNanos = b.interval.toNanos();
        this.stopTimeoutNanos = b.stopTimeout.toNanos();
        this.schedule = new FixedRateSchedule(clock.nanoTime(), intervalNanos);
        this.thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        this.shutdownHook = new Thread(this::close, THREAD_NAME + "-shutdown");
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
     * Queues a label for the next sample, which writes one line per queued label, each carrying its
     * label. The queue is bounded and process-wide; a label that does not fit is counted and
     * reported as {@code labels_dropped} on the next line.
     *
     * @return whether the label was queued
     */
    public static boolean label(String text) {
        String label = String.valueOf(text);
        // Cut here, not only when written: the queue holds at most CAPACITY labels of bounded size.
        // One char more than the line keeps, so the writer still marks the cut with an ellipsis.
        if (label.length() > SampleLineWriter.MAX_LABEL_LENGTH + 1) {
            label = label.substring(0, SampleLineWriter.MAX_LABEL_LENGTH + 1);
        }
        return LabelQueue.offer(label);
    }

    /** The pid of the sampled process. */
    public long pid() {
        return sampler.pid();
    }

    /** The sampling interval. */
    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    /**
     * How many samples could not be taken so far (logged once at WARN; those after the sampled
     * process has exited only at DEBUG).
     */
    public long failedSamples() {
        return failedSamples;
    }

    private void begin() {
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting: the monitor still writes its lines until closed.
        }
        thread.start();
    }

    private void run() {
        tick(false);
        long due = schedule.nextDueAfter(clock.nanoTime());
        while (!closing) {
            if (clock.nanoTime() - due < 0) {
                clock.sleepUntil(due);
                if (Thread.interrupted() && !closing) {
                    // Someone interrupted every thread; the monitor is stopped by close() only.
                    LOG.debug("ProcMon thread interrupted; carrying on until closed");
                }
                continue;
            }
            tick(false);
            due = schedule.nextDueAfter(clock.nanoTime());
        }
    }

    /**
     * Takes a sample and writes its line(s). Never throws: the monitor runs inside someone else's
     * program, so every failure is logged once and the next tick tries again.
     */
    private void tick(boolean stop) {
        try {
            scratch.clear();
            sampler.sample(scratch);
            if (jvm != null) {
                jvm.sample(scratch);
            }
            Sample taken = scratch;
            scratch = last;
            last = taken;
            haveLast = true;
        } catch (Throwable e) {
            failedSamples++;
            if (!warnedSample && e instanceof ProcessGoneException) {
                // How every recording of another process ends: not a failure worth a WARN.
                warnedSample = true;
                LOG.debug("procmon: pid {} has exited", sampler.pid());
            } else if (!warnedSample) {
                warnedSample = true;
                LOG.warn("procmon: cannot sample pid {} ({}); will keep trying, this is reported once",
                        sampler.pid(), describe(e));
            }
            if (!stop || !haveLast) {
                return;
            }
            // The STOP line still gets written, with the last good reading (the process may be gone).
        }
        long epochMicros = clock.epochMicros();
        long elapsedNanos = clock.nanoTime() - last.processStartNanos;
        long dropped = LabelQueue.takeDropped();
        String label = LabelQueue.poll();
        do {
            String next = label == null ? null : LabelQueue.poll();
            boolean lastLine = next == null;
            String marker = stop && lastLine ? LogFormat.MARKER_STOP
                    : startWritten ? LogFormat.MARKER : LogFormat.MARKER_START;
            write(writer.format(marker, last, epochMicros, elapsedNanos, label, dropped));
            startWritten = true;
            dropped = 0;
            label = next;
        } while (label != null);
    }

    private void write(CharSequence line) {
        try {
            sink.write(line);
        } catch (Throwable e) {
            if (!warnedSink) {
                warnedSink = true;
                LOG.warn("procmon: cannot write a sample line ({}); will keep trying, this is reported once",
                        describe(e));
            }
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * Stops sampling, writes the {@code -STOP} line from the calling thread and returns when the
     * {@code ProcMon} thread is gone. Idempotent; never throws.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing = true;
        boolean stopped = true;
        if (Thread.currentThread() != thread) {
            LockSupport.unpark(thread);
            stopped = join();
        }
        if (stopped) {
            tick(true);
            try {
                sampler.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("procmon: closing the sampler failed", e);
            }
            try {
                sink.close();
            } catch (Exception e) {
                LOG.debug("procmon: closing the sink failed", e);
            }
        } else {
            // The stuck thread still owns the sampler and the sink: closing them under it could make
            // it write into a closed file or read a reused descriptor, so they are left to it.
            LOG.warn("procmon: the ProcMon thread did not stop within {} ms; no STOP line written",
                    stopTimeoutNanos / 1_000_000);
            thread.interrupt();
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // Already exiting: the hook will find the monitor closed.
            }
        }
    }

    /** Waits for the thread, keeping the caller's interrupt status; false if it outlived the timeout. */
    private boolean join() {
        boolean interrupted = false;
        long deadline = System.nanoTime() + stopTimeoutNanos;
        try {
            while (thread.isAlive()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                try {
                    thread.join(Math.max(1, remaining / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Options for a {@link ProcessMonitor}; {@link #start()} starts it. */
    public static final class Builder {
        private Duration interval = Duration.ofSeconds(1);
        private String loggerName = DEFAULT_LOGGER;
        private Level level = Level.INFO;
        private Consumer<String> consumer;
        private Path file;
        private long pid = -1;
        private boolean jvm = true;
        private boolean includeChildren;
        private MemoryDetail memory = MemoryDetail.RSS;
        private MonitorClock clock = MonitorClock.SYSTEM;
        private Sampler sampler;
        private Duration stopTimeout = Duration.ofSeconds(5);
        private ReapedChildSampler.Baseline childBaseline;

        private Builder() {
        }

        /** The time between samples (default 1 s); must be positive. */
        public Builder interval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive: " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** The SLF4J logger the lines go to (default {@value ProcessMonitor#DEFAULT_LOGGER}). */
        public Builder loggerName(String loggerName) {
            this.loggerName = Objects.requireNonNull(loggerName, "loggerName");
            return this;
        }

        /** The level of the lines (default INFO). */
        public Builder level(Level level) {
            this.level = Objects.requireNonNull(level, "level");
            return this;
        }

        /** Sends each line (marker and JSON, no line separator) to a consumer instead of SLF4J. */
        public Builder sink(Consumer<String> consumer) {
            this.consumer = Objects.requireNonNull(consumer, "consumer");
            this.file = null;
            return this;
        }

        /** Appends the lines to a file instead of SLF4J, one write per line, allocation-free. */
        public Builder file(Path file) {
            this.file = Objects.requireNonNull(file, "file");
            this.consumer = null;
            return this;
        }

        /** Samples another process (Linux, through /proc) instead of this one. */
        public Builder pid(long pid) {
            if (pid <= 0) {
                throw new IllegalArgumentException("pid must be positive: " + pid);
            }
            this.pid = pid;
            return this;
        }

        /** Whether lines about this JVM carry the {@code jvm} object (default true). */
        public Builder jvm(boolean jvm) {
            this.jvm = jvm;
            return this;
        }

        /**
         * Whether every live descendant of the sampled process is summed into its line (default
         * false): rss, vms, page faults and CPU times are totals over the tree found by following
         * parent links in /proc at each sample, and the line carries {@link LogFormat#NUM_PROCS}.
         * Linux only.
         */
        public Builder includeChildren(boolean includeChildren) {
            this.includeChildren = includeChildren;
            return this;
        }

        /**
         * How much to find out about memory (default {@link MemoryDetail#RSS});
         * {@link MemoryDetail#PSS} adds PSS and USS from {@code /proc/<pid>/smaps_rollup} at every sample
         * (a single process; Linux only).
         */
        public Builder memory(MemoryDetail memory) {
            this.memory = java.util.Objects.requireNonNull(memory, "memory");
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
            this.childBaseline = ReapedChildSampler.Baseline.now(Path.of("/proc/self/stat"), clock);
            return this;
        }

        Builder clock(MonitorClock clock) {
            this.clock = clock;
            return this;
        }

        Builder sampler(Sampler sampler) {
            this.sampler = sampler;
            return this;
        }

        Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        /**
         * Starts the monitor: the first line is written by the ProcMon thread at once.
         *
         * @throws UncheckedIOException when another process was asked for and cannot be read, or the
         *     file cannot be opened
         */
        public ProcessMonitor start() {
            Sampler s;
            try {
                s = sampler != null ? sampler : openSampler();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read process " + pid + ": " + e.getMessage(), e);
            }
            LineSink sink;
            try {
                sink = file != null ? LineSink.file(file)
                        : consumer != null ? LineSink.consumer(consumer)
                        : LineSink.slf4j(LoggerFactory.getLogger(loggerName), level);
            } catch (IOException e) {
                closeQuietly(s);
                throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
            }
            ProcessMonitor monitor = new ProcessMonitor(this, s, sink);
            monitor.begin();
            return monitor;
        }

        private Sampler openSampler() throws IOException {
            if (childBaseline != null) {
                return ReapedChildSampler.open(pid, childBaseline, () -> includeChildren
                        ? ProcessTreeSampler.open(pid, clock) : ProcStatSampler.open(pid, clock, memory));
            }
            long self = ProcessHandle.current().pid();
            long target = pid > 0 ? pid : self;
            if (Files.isReadable(Path.of("/proc/self/stat"))) {
                try {
                    return includeChildren ? ProcessTreeSampler.open(target, clock)
                            : ProcStatSampler.open(target, clock, memory);
                } catch (IOException e) {
                    if (target != self || includeChildren) {
                        throw e;
                    }
                    LOG.warn("procmon: cannot read /proc ({}); using the JDK's portable view", e.getMessage());
                }
            } else if (target != self || includeChildren) {
                throw new IOException("sampling another process or children needs Linux /proc");
            }
            return new MxBeanSampler(clock);
        }

        private static void closeQuietly(Sampler s) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("procmon: closing the sampler failed", e);
            }
        }
    }
}
