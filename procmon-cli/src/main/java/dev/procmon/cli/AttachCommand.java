package dev.procmon.cli;

import dev.procmon.picocli.SecondsConverter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
final class AttachCommand implements Callable<Integer> {

    private static final String COMMAND = "procmon attach";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "The JVM to record.")
    long pid;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            converter = SecondsConverter.class,
            description = "Stop recording after this long (default: when the JVM exits, or Ctrl-C).")
    @Nullable
    Duration duration;

    @Option(names = "--agent", description = "Load procmon's agent into the JVM, which writes --log itself.")
    boolean agent;

    /** {@code --interval}, {@code --log}, {@code --plot} and the fleet's options, as {@code record} has them. */
    @Mixin
    RecordingOptions recording = new RecordingOptions();

    private final Plotter plotter;
    private final Path procRoot;

    private @Nullable JmxRecording overJmx;
    private @Nullable AgentInTarget agentInTarget;
    private @Nullable RecordingOutput output;
    /** The signal (SIGINT, SIGTERM) that ended the recording. */
    private final CaughtSignal signal = new CaughtSignal(true);

    private boolean finished;
    private int finishStatus;

    /** The command as the procmon launcher registers it. */
    AttachCommand() {
        this(Plotter.defaults(), Path.of("/proc"));
    }

    AttachCommand(Plotter plotter, Path procRoot) {
        this.plotter = Objects.requireNonNull(plotter, "plotter");
        this.procRoot = procRoot;
    }

    @Override
    public Integer call() {
        Path log = recording.log;
        if (pid <= 0) {
            throw new ParameterException(spec.commandLine(), "PID must be positive: " + pid);
        }
        if (agent && (log == null || log.toString().contains(","))) {
            throw new ParameterException(
                    spec.commandLine(), "--agent needs --log FILE (without ','): the agent writes it inside the JVM");
        }
        // Ctrl-C ends the recording on this thread, as record's does: plotting in a shutdown hook fails
        // ("Shutdown in progress"). The hook remains for any other way the JVM is made to exit. Both are
        // in place before the recording starts: a Ctrl-C as the first lines are written left no plots.
        ShutdownHook hook = ShutdownHook.register("procmon-attach-shutdown", this::finish);
        TerminationSignals signals = signal.trap(() -> {});
        try {
            try {
                if (!Files.isReadable(procRoot.resolve("self").resolve("stat"))) {
                    throw new RecordFailure("attach needs Linux: " + procRoot + " is not available on this system");
                }
                JvmTarget t = JvmTarget.check(procRoot, pid);
                PrintWriter err = spec.commandLine().getErr();
                RecordingOutput o = RecordingOutput.open(
                        COMMAND,
                        log,
                        recording.plotDirectory,
                        false,
                        spec.commandLine().getOut(),
                        err);
                output = o;
                start(t, o);
            } catch (RecordFailure e) {
                return fail(e.getMessage());
            } catch (IOException | RuntimeException e) {
                return fail(ErrorMessage.of(e));
            }
            waitForEnd();
            return signal.exitCode(finish());
        } finally {
            signals.close();
            hook.close();
        }
    }

    private int fail(@Nullable String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(COMMAND + ": " + message);
        err.flush();
        finish();
        return RecordFailure.EXIT_ERROR;
    }

    private synchronized void start(JvmTarget t, RecordingOutput o) throws IOException {
        if (agent) {
            // call() has checked that --agent comes with --log.
            Path agentLog = Objects.requireNonNull(recording.log, "--agent needs --log");
            agentInTarget = AgentInTarget.start(t, agentLog, recording.interval, duration);
        } else {
            overJmx = JmxRecording.start(
                    t,
                    pid,
                    recording.interval,
                    o,
                    recording.fleet,
                    spec.commandLine().getErr()::println);
        }
    }

    /** Until the JVM exits (a zombie has), {@code --duration} passes or a signal comes. */
    private void waitForEnd() {
        WatchedProcess.awaitExit(procRoot, pid, duration, signal::caught);
        AgentInTarget a = agentInTarget;
        if (a != null && duration != null) {
            a.awaitStopLine(recording.interval, () -> signal.caught() || !WatchedProcess.running(procRoot, pid));
        }
    }

    /** Ends the recording once (main thread or Ctrl-C's hook): STOP line, JMX closed or agent stopped, plots. */
    private synchronized int finish() {
        if (finished) {
            return finishStatus;
        }
        finished = true;
        PrintWriter err = spec.commandLine().getErr();
        JmxRecording j = overJmx;
        if (j != null) {
            j.close();
        }
        AgentInTarget a = agentInTarget;
        if (a != null) {
            try {
                a.stop(pid);
            } catch (IOException e) {
                err.println(COMMAND + ": cannot stop the agent in pid " + pid + ": " + ErrorMessage.of(e));
            }
        }
        RecordingOutput o = output;
        if (o != null) {
            o.closeCopy();
            boolean recorded = j != null || a != null;
            if ((recorded && !o.plot(plotter)) || (j != null && !o.allWritten(j.monitor()))) {
                finishStatus = RecordFailure.EXIT_ERROR;
            }
            o.deleteCopy();
        }
        spec.commandLine().getOut().flush();
        err.flush();
        return finishStatus;
    }
}
