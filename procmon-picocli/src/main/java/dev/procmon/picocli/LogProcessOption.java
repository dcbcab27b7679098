package dev.procmon.picocli;

import dev.procmon.core.ProcessMonitor;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * Adds {@code --log-process=SECONDS} to any picocli command, as TotalDepth's command line tools
 * have it:
 *
 * <pre>{@code
 * @Mixin LogProcessOption logProcess;
 *
 * public Integer call() {
 *     try (var monitoring = logProcess.start()) {   // no thread at all when the value is 0
 *         return work();
 *     }
 * }
 * }</pre>
 */
public final class LogProcessOption {

    @Option(
            names = "--log-process",
            paramLabel = "SECONDS",
            defaultValue = "0",
            converter = NonNegativeSeconds.class,
            description = "Write process memory and CPU to the log every SECONDS; 0 = off (default: ${DEFAULT-VALUE}).")
    private Duration interval = Duration.ZERO;

    /** The interval given, {@link Duration#ZERO} when process logging is off. */
    public Duration interval() {
        return interval;
    }

    /** Whether {@code --log-process} asked for logging. */
    public boolean enabled() {
        return !interval.isZero();
    }

    /**
     * Starts a {@link ProcessMonitor} at the given interval writing to the {@code procmon} logger,
     * or nothing when the option is 0. Where no SLF4J provider is bound the monitor says so once and
     * writes to stderr, so the option is never a silent no-op.
     */
    public Monitoring start() {
        return new Monitoring(enabled() ? ProcessMonitor.start(interval) : null);
    }

    /** The running monitor, if any; closing it writes the STOP line. Never throws. */
    public static final class Monitoring implements AutoCloseable {
        private final @Nullable ProcessMonitor monitor;

        private Monitoring(@Nullable ProcessMonitor monitor) {
            this.monitor = monitor;
        }

        /** The monitor, empty when {@code --log-process} was 0. */
        public Optional<ProcessMonitor> monitor() {
            return Optional.ofNullable(monitor);
        }

        @Override
        public void close() {
            if (monitor != null) {
                monitor.close();
            }
        }
    }

    /**
     * Seconds, 0 (off) or at least the shortest interval a monitor takes: anything else (negative, NaN,
     * infinite, 1 ms, garbage) is a usage error, never an exception thrown into the application.
     */
    static final class NonNegativeSeconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = SecondsConverter.parse(value, true);
            return d.isZero() ? d : SecondsConverter.interval(d, value);
        }
    }
}
