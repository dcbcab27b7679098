package dev.procmon.core;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * What a {@link ProcessMonitor.Builder} was told, with its defaults and the bounds it enforces:
 * the builder is the public face, {@link MonitorAssembly} reads these to put the monitor together.
 */
final class MonitorOptions {
    /** The longest interval accepted: beyond it the schedule's nanosecond arithmetic would overflow. */
    static final Duration MAX_INTERVAL = Duration.ofDays(365);

    /**
     * The shortest interval accepted: below it the ProcMon thread would cost the host a noticeable
     * share of a core (a sample costs tens of microseconds) and the lines would come faster than any
     * plot can show.
     */
    static final Duration MIN_INTERVAL = Duration.ofMillis(10);

    static final Duration MAX_STOP_TIMEOUT = Duration.ofHours(1);

    Duration interval = Duration.ofSeconds(1);
    String loggerName = ProcessMonitor.DEFAULT_LOGGER;
    Level level = Level.INFO;

    @Nullable
    Consumer<ProcessReading> jvmReader;

    boolean labelSocket;
    javax.management.@Nullable MBeanServerConnection remoteJvm;

    @Nullable
    Consumer<String> consumer;

    @Nullable
    Path file;

    long pid = -1;
    boolean jvm = true;

    @Nullable
    InetSocketAddress prometheus;

    boolean keyValues;
    boolean includeChildren;
    MemoryDetail memory = MemoryDetail.RSS;

    @Nullable
    Path procRoot;

    MonitorClock clock = MonitorClock.SYSTEM;

    @Nullable
    Sampler sampler;

    Duration stopTimeout = Duration.ofSeconds(5);

    @Nullable
    ChildBaseline childBaseline;

    /** {@code d}, when at least {@link #MIN_INTERVAL} and at most {@link #MAX_INTERVAL}; else an exception naming the option. */
    static Duration interval(@Nullable Duration d) {
        Objects.requireNonNull(d, "interval");
        if (d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("interval must be at least " + MIN_INTERVAL.toMillis()
                    + " ms and at most " + MAX_INTERVAL.toDays() + " days: " + d);
        }
        return d;
    }

    /** {@code d}, when positive and at most {@code max}; else an exception naming {@code what}. */
    static Duration inRange(@Nullable Duration d, Duration max, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " must be positive and at most " + max + ": " + d);
        }
        return d;
    }
}
