package dev.procmon.cli;

import dev.procmon.core.ProcessMonitor;
import dev.procmon.picocli.SecondsConverter;
import dev.procmon.plot.LogPlotter;
import dev.procmon.plot.PlotOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import javax.management.remote.JMXConnector;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code procmon attach PID}: records a running JVM of this user without changing it: /proc from
 * outside as {@code record --pid}, plus heap, GC and thread figures from the JVM's local management
 * agent over the attach API. With {@code --agent}, procmon's own agent is loaded into the JVM
 * instead. See {@code docs/any-jvm.md}.
 */
@Command(
        name = "attach",
        mixinStandardHelpOptions = true,
        description = {
            "Records a running JVM (same user) until it exits: its process from /proc plus",
            "its heap, GC and threads over the JDK's attach API and local JMX agent."
        },
        footer = {
            "",
            "Examples:",
            "  procmon attach 4242 --interval 0.5 --log server.log --plot out/",
            "  procmon attach 4242 --agent --log /tmp/server.log   # JDK 21+ prints a warning (JEP 451)",
            "",
            "Exit code: 0; 1 if the target is gone, not a JVM, another user's, or on an error; 2 on a usage error."
        })
public final class AttachCommand implements Callable<Integer> {

    private static final long POLL_MILLIS = 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "The JVM to record.")
    long pid;

    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            defaultValue = "1.0",
            converter = SecondsConverter.class,
            description = "Seconds between samples (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            converter = SecondsConverter.class,
            description = "Stop recording after this long (default: when the JVM exits, or Ctrl-C).")
    @Nullable
    Duration duration;

    @Option(names = "--log", paramLabel = "FILE", description = "Append the log to FILE (default: stdout).")
    @Nullable
    Path log;

    @Option(names = "--plot", paramLabel = "DIR", description = "Render the plots into DIR when recording ends.")
    @Nullable
    Path plotDirectory;

    @Option(names = "--agent", description = "Load procmon's agent into the JVM, which writes --log itself.")
    boolean agent;

    private final Plotter plotter;
    private final Path procRoot;

    private @Nullable JvmTarget target;
    private @Nullable ProcessMonitor monitor;
    private @Nullable Pushgateway pushgateway;

    @picocli.CommandLine.Mixin
    FleetOptions fleet = new FleetOptions();

    private @Nullable JMXConnector jmx;
    private @Nullable Path agentJar;
    private @Nullable AttachOutput output;
    private boolean started;
    /** The signal (SIGINT 2, SIGTERM 15) that ended the recording, else 0. */
    private volatile int signal;

    private boolean finished;
    private int finishStatus;

    /** The command as the procmon launcher registers it. */
    public AttachCommand() {
        this((log, directory) -> LogPlotter.plot(List.of(log), directory, PlotOptions.defaults()), Path.of("/proc"));
    }

    AttachCommand(Plotter plotter, Path procRoot) {
        this.plotter = Objects.requireNonNull(plotter, "plotter");
        this.procRoot = procRoot;
    }

    @Override
    public Integer call() {
        if (pid <= 0) {
            throw new ParameterException(spec.commandLine(), "PID must be positive: " + pid);
        }
        if (agent && (log == null || log.toString().contains(","))) {
            throw new ParameterException(
                    spec.commandLine(), "--agent needs --log FILE (without ','): the agent writes it inside the JVM");
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!Files.isReadable(procRoot.resolve("self").resolve("stat"))) {
                throw new IOException("attach needs Linux: " + procRoot + " is not available on this system");
            }
            JvmTarget t = JvmTarget.check(procRoot, pid);
            target = t;
            AttachOutput o =
                    AttachOutput.open(log, plotDirectory, spec.commandLine().getOut());
            output = o;
            start(t, o);
            started = true;
        } catch (IOException | RuntimeException e) {
            err.println("procmon attach: " + ErrorMessage.of(e));
            err.flush();
            finish();
            return RecordFailure.EXIT_ERROR;
        }
        // Ctrl-C ends the recording on this thread, as record's does: plotting in a shutdown hook fails
        // ("Shutdown in progress"). The hook remains for any other way the JVM is made to exit.
        ShutdownHook hook = ShutdownHook.register("procmon-attach-shutdown", this::finish);
        TerminationSignals signals = TerminationSignals.trap(n -> signal = n);
        try {
            waitForEnd();
            int status = finish();
            return signal != 0 ? 128 + signal : status;
        } finally {
            signals.close();
            hook.close();
        }
    }

    private synchronized void start(JvmTarget t, AttachOutput o) throws IOException {
        if (agent) {
            Path jar = JvmTarget.procmonJar();
            agentJar = jar;
            // call() has checked that --agent comes with --log.
            Path agentLog = java.util.Objects.requireNonNull(log, "--agent needs --log");
            Duration d = duration;
            // With --duration the agent stops itself, so JDK 21+ warns once (JEP 451), not twice.
            t.loadAgent(
                    jar,
                    "file=" + agentLog.toAbsolutePath() + ",interval=" + seconds(interval)
                            + (d == null ? "" : ",duration=" + seconds(d)));
            return;
        }
        JMXConnector connector = t.connectJmx();
        jmx = connector;
        ProcessMonitor m = fleet.configure(o.sink(ProcessMonitor.builder()
                        .pid(pid)
                        .jvm(false)
                        .jvm(connector.getMBeanServerConnection())
                        .interval(interval)
                        .labelSocket(true)))
                .start();
        monitor = m;
        pushgateway =
                fleet.startPushing(m, spec.commandLine().getErr()::println).orElse(null);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.6f", d.toNanos() / 1e9);
    }

    private void waitForEnd() {
        ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
        long deadline = duration == null ? 0 : System.nanoTime() + duration.toNanos();
        try {
            while (signal == 0
                    && handle != null
                    && handle.isAlive()
                    && (duration == null || System.nanoTime() - deadline < 0)) {
                Thread.sleep(POLL_MILLIS);
            }
            if (agentJar != null && duration != null) {
                // The agent's own timer writes the STOP line; give it an interval and some slack.
                long until = System.nanoTime() + interval.toNanos() + 5_000_000_000L;
                while (signal == 0
                        && !AttachOutput.endsWithStop(log)
                        && System.nanoTime() - until < 0
                        && handle != null
                        && handle.isAlive()) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the recording once (main thread or Ctrl-C's hook): STOP line, JMX closed, plots. */
    private synchronized int finish() {
        if (finished) {
            return finishStatus;
        }
        finished = true;
        PrintWriter err = spec.commandLine().getErr();
        if (monitor != null) {
            monitor.close();
        }
        if (pushgateway != null) {
            pushgateway.close(); // the STOP line's totals, pushed once more
        }
        JvmTarget t = target;
        Path jar = agentJar;
        if (t != null
                && jar != null
                && !AttachOutput.endsWithStop(log)
                && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                t.loadAgent(jar, "stop");
            } catch (IOException e) {
                err.println("procmon attach: cannot stop the agent in pid " + pid + ": " + ErrorMessage.of(e));
            }
        }
        if (jmx != null) {
            try {
                jmx.close();
            } catch (IOException e) {
                // The JVM is gone: nothing to close.
            }
        }
        if (output != null) {
            finishStatus = output.finish(started ? plotter : null, plotDirectory, err) ? 0 : RecordFailure.EXIT_ERROR;
        }
        spec.commandLine().getOut().flush();
        err.flush();
        return finishStatus;
    }
}
