package dev.procmon.cli;

import dev.procmon.core.ProcessMonitor;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import javax.management.remote.JMXConnector;
import org.jspecify.annotations.Nullable;

/**
 * {@code procmon attach} without {@code --agent}: a monitor in procmon's own JVM that reads the target
 * from {@code /proc} and its heap, GC and threads over the JVM's local JMX agent, and pushes to a
 * Pushgateway if asked. Nothing of procmon runs inside the target.
 */
final class JmxRecording {

    private final JMXConnector jmx;
    private final ProcessMonitor monitor;
    private final @Nullable Pushgateway pushgateway;

    private JmxRecording(JMXConnector jmx, ProcessMonitor monitor, @Nullable Pushgateway pushgateway) {
        this.jmx = jmx;
        this.monitor = monitor;
        this.pushgateway = pushgateway;
    }

    /**
     * Connects to the target's JMX agent and starts the monitor, its lines sent to {@code output}.
     *
     * @param warnings where the Pushgateway's one-line warnings go
     */
    static JmxRecording start(
            JvmTarget target,
            long pid,
            Duration interval,
            RecordingOutput output,
            FleetOptions fleet,
            Consumer<String> warnings)
            throws IOException {
        JMXConnector connector = target.connectJmx();
        try {
            ProcessMonitor m = fleet.configure(output.sink(ProcessMonitor.builder()
                            .pid(pid)
                            .jvm(false)
                            .jvm(connector.getMBeanServerConnection())
                            .interval(interval)
                            .labelSocket(true)))
                    .start();
            return new JmxRecording(
                    connector, m, fleet.startPushing(m, warnings).orElse(null));
        } catch (IOException | RuntimeException e) {
            closeQuietly(connector);
            throw e;
        }
    }

    ProcessMonitor monitor() {
        return monitor;
    }

    /** Writes the STOP line, pushes the totals once more and closes the JMX connection. */
    void close() {
        monitor.close();
        if (pushgateway != null) {
            pushgateway.close(); // the STOP line's totals, pushed once more
        }
        closeQuietly(jmx);
    }

    private static void closeQuietly(JMXConnector connector) {
        try {
            connector.close();
        } catch (IOException e) {
            // The JVM is gone: nothing to close.
        }
    }
}
