package dev.procmon.otel;

import dev.procmon.core.LogField;
import dev.procmon.core.ProcessMonitor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;

/**
 * Registers a monitor's samples with the application's own {@link OpenTelemetry} instance, as the
 * instruments of the OpenTelemetry semantic conventions for OS processes:
 *
 * <pre>{@code
 * try (ProcessMonitor monitor = ProcessMonitor.start(Duration.ofSeconds(1));
 *      ProcessInstruments instruments = ProcessInstruments.register(openTelemetry, monitor)) {
 *     run();
 * }
 * }</pre>
 *
 * <p>Every collection reads the monitor's last sample ({@link ProcessMonitor#latest()}); it never
 * reads {@code /proc} itself and never waits for the monitor. A value the monitor does not know (the
 * descriptor count unless sampled, another user's I/O) is not reported. JVM metrics (heap, GC,
 * threads) are left to OpenTelemetry's own runtime-telemetry library, which reads them from the JVM
 * directly.
 */
public final class ProcessInstruments implements AutoCloseable {

    /** The instrumentation scope name. */
    public static final String SCOPE = "dev.procmon";

    static final AttributeKey<String> CPU_MODE = AttributeKey.stringKey("cpu.mode");
    static final AttributeKey<String> FAULT_TYPE = AttributeKey.stringKey("system.paging.fault.type");
    static final AttributeKey<String> IO_DIRECTION = AttributeKey.stringKey("disk.io.direction");
    static final AttributeKey<String> SWITCH_TYPE = AttributeKey.stringKey("process.context_switch.type");

    private static final Attributes USER = Attributes.of(CPU_MODE, "user");
    private static final Attributes SYSTEM = Attributes.of(CPU_MODE, "system");
    private static final Attributes MINOR = Attributes.of(FAULT_TYPE, "minor");
    private static final Attributes MAJOR = Attributes.of(FAULT_TYPE, "major");
    private static final Attributes READ = Attributes.of(IO_DIRECTION, "read");
    private static final Attributes WRITE = Attributes.of(IO_DIRECTION, "write");
    private static final Attributes VOLUNTARY = Attributes.of(SWITCH_TYPE, "voluntary");
    private static final Attributes INVOLUNTARY = Attributes.of(SWITCH_TYPE, "involuntary");

    private final BatchCallback callback;

    private ProcessInstruments(BatchCallback callback) {
        this.callback = callback;
    }

    /**
     * Registers the instruments; they report until {@link #close()} (or until the monitor closes,
     * after which its last sample is reported).
     *
     * @param openTelemetry the application's instance (its SDK, exporters and resource)
     * @param monitor the monitor whose samples are reported
     * @return the registration, to close when the metrics should stop
     */
    public static ProcessInstruments register(OpenTelemetry openTelemetry, ProcessMonitor monitor) {
        Meter meter = openTelemetry.getMeter(SCOPE);
        ObservableDoubleMeasurement cpu = meter.counterBuilder("process.cpu.time")
                .ofDoubles()
                .setUnit("s")
                .setDescription("Total CPU seconds broken down by different states.")
                .buildObserver();
        ObservableLongMeasurement memory =
                upDownCounter(meter, "process.memory.usage", "By", "The amount of physical memory in use.");
        ObservableLongMeasurement virtual =
                upDownCounter(meter, "process.memory.virtual", "By", "The amount of committed virtual memory.");
        ObservableLongMeasurement faults =
                counter(meter, "process.paging.faults", "{fault}", "Number of page faults the process has made.");
        ObservableLongMeasurement io = counter(meter, "process.disk.io", "By", "Disk bytes transferred.");
        ObservableLongMeasurement threads =
                upDownCounter(meter, "process.thread.count", "{thread}", "Process threads count.");
        ObservableLongMeasurement fds = upDownCounter(
                meter,
                "process.unix.file_descriptor.count",
                "{file_descriptor}",
                "Number of unix file descriptors in use by the process.");
        ObservableLongMeasurement switches = counter(
                meter,
                "process.context_switches",
                "{context_switch}",
                "Number of times the process has been context switched.");
        BatchCallback callback = meter.batchCallback(
                () -> monitor.latest().ifPresent(s -> {
                    record(cpu, s.get(LogField.USER), USER);
                    record(cpu, s.get(LogField.SYSTEM), SYSTEM);
                    record(memory, s.get(LogField.RSS), Attributes.empty());
                    record(virtual, s.get(LogField.VMS), Attributes.empty());
                    record(faults, s.get(LogField.PFAULTS) - s.get(LogField.PAGEINS), MINOR);
                    record(faults, s.get(LogField.PAGEINS), MAJOR);
                    record(io, s.get(LogField.READ_BYTES), READ);
                    record(io, s.get(LogField.WRITE_BYTES), WRITE);
                    record(threads, s.get(LogField.NUM_THREADS), Attributes.empty());
                    record(fds, s.get(LogField.NUM_FDS), Attributes.empty());
                    record(switches, s.get(LogField.VOLUNTARY), VOLUNTARY);
                    record(switches, s.get(LogField.INVOLUNTARY), INVOLUNTARY);
                }),
                cpu,
                memory,
                virtual,
                faults,
                io,
                threads,
                fds,
                switches);
        return new ProcessInstruments(callback);
    }

    /** A monotonic counter (CPU seconds apart, the semantic conventions' counters are whole numbers). */
    private static ObservableLongMeasurement counter(Meter meter, String name, String unit, String description) {
        return meter.counterBuilder(name)
                .setUnit(unit)
                .setDescription(description)
                .buildObserver();
    }

    /** A value that goes up and down: an up-down counter, as the semantic conventions name it. */
    private static ObservableLongMeasurement upDownCounter(Meter meter, String name, String unit, String description) {
        return meter.upDownCounterBuilder(name)
                .setUnit(unit)
                .setDescription(description)
                .buildObserver();
    }

    private static void record(ObservableDoubleMeasurement m, double value, Attributes attributes) {
        if (!Double.isNaN(value)) {
            m.record(value, attributes);
        }
    }

    private static void record(ObservableLongMeasurement m, double value, Attributes attributes) {
        if (!Double.isNaN(value)) {
            m.record((long) value, attributes);
        }
    }

    /** Removes the instruments' callback: nothing more is reported. */
    @Override
    public void close() {
        callback.close();
    }
}
