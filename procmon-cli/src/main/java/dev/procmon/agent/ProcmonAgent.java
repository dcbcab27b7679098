package dev.procmon.agent;

import dev.procmon.core.ProcessMonitor;
import java.lang.instrument.Instrumentation;
import org.jspecify.annotations.Nullable;

/**
 * The agent's entry points. Never throws into the JVM it is loaded into: a bad option or a failure
 * to start is one line on stderr, and the application runs on unmonitored. The monitor is started
 * from a daemon thread, so {@code premain} returns at once and the application's start is not held
 * up by procmon's class loading.
 */
public final class ProcmonAgent {

    static final String THREAD_NAME = "ProcMon-agent-start";

    /** The monitor the agent started, closed by {@code stop} or at exit by the monitor's own hook. */
    private static @Nullable ProcessMonitor monitor;

    private ProcmonAgent() {}

    /** {@code -javaagent:procmon.jar=OPTIONS}. */
    public static void premain(String options, Instrumentation instrumentation) {
        launch(options);
    }

    /** Loaded into a running JVM ({@code procmon attach --agent}); {@code stop} closes the monitor. */
    public static void agentmain(String options, Instrumentation instrumentation) {
        launch(options);
    }

    private static void launch(String options) {
        try {
            Thread t = new Thread(() -> apply(options), THREAD_NAME);
            t.setDaemon(true);
            t.start();
        } catch (Throwable e) {
            report(e);
        }
    }

    static synchronized void apply(String text) {
        try {
            AgentOptions options = AgentOptions.parse(text);
            if (options.stop()) {
                if (monitor != null) {
                    monitor.close();
                    monitor = null;
                }
                return;
            }
            if (monitor != null) {
                System.err.println("procmon agent: this JVM is already monitored; options ignored: " + text);
                return;
            }
            monitor = java.util.Objects.requireNonNull(options.builder(), "a start has a builder")
                    .start();
            java.time.Duration duration = options.duration();
            if (duration != null) {
                ProcessMonitor started = monitor;
                Thread stop = new Thread(() -> stopAfter(started, duration.toMillis()), THREAD_NAME);
                stop.setDaemon(true);
                stop.start();
            }
        } catch (Throwable e) {
            report(e);
        }
    }

    /** {@code duration=}: closes the monitor it was given, unless it was stopped or replaced since. */
    private static void stopAfter(ProcessMonitor started, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            return;
        }
        synchronized (ProcmonAgent.class) {
            if (monitor == started) {
                monitor.close();
                monitor = null;
            }
        }
    }

    private static void report(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        System.err.println("procmon agent: " + message.replace('\n', ' ') + "; not monitoring");
    }
}
