package dev.procmon.cli;

import dev.procmon.core.LabelSocket;
import dev.procmon.core.MemoryDetail;
import dev.procmon.core.ProcessMonitor;
import dev.procmon.picocli.SecondsConverter;
import dev.procmon.plot.LogPlotter;
import dev.procmon.plot.PlotOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@code procmon record}: records another process's memory and CPU in procmon's log format, either a
 * running one ({@code --pid}) or a command it launches and watches until it exits. This class holds
 * the options, their validation and the exit codes; the recording itself is a {@link
 * RecordingSession}, the command a {@link LaunchedCommand}. See {@code docs/record.md}.
 */
@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        description = {
            "Records a process's memory and CPU over time: a running PID, or a command",
            "launched with inherited stdin/stdout/stderr and watched until it exits."
        },
        footer = {
            "",
            "Examples:",
            "  procmon record --interval 0.2 --include-children --log build.log --plot out/ -- mvn -q package",
            "  procmon record --pid 4242 --duration 60 --log server.log",
            "",
            "Exit code: the command's own (128+N if signal N killed it); 0 for --pid;",
            "130 or 143 if procmon itself was stopped by SIGINT or SIGTERM;",
            "1 on an error; 2 on a usage error; 127 if the command cannot be started."
        })
final class RecordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pid", paramLabel = "PID", description = "Record this running process until it exits.")
    @Nullable
    Long pid;

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
            description = "With --pid: stop recording after this long.")
    @Nullable
    Duration duration;

    @Option(
            names = "--include-children",
            description = "Sum every live descendant into each sample; the line carries num_procs.")
    boolean includeChildren;

    @Option(
            names = "--memory",
            paramLabel = "rss|pss",
            defaultValue = "rss",
            converter = MemoryDetailConverter.class,
            description = "pss: also log PSS and USS from /proc/<pid>/smaps_rollup at every sample (costs a "
                    + "page-table walk; default: ${DEFAULT-VALUE}).")
    MemoryDetail memory;

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Option(names = "--log", paramLabel = "FILE", description = "Append the log to FILE (default: stdout).")
    @Nullable
    Path log;

    @Option(names = "--plot", paramLabel = "DIR", description = "Render the plots into DIR when recording ends.")
    @Nullable
    Path plotDirectory;

    /** Budgets held against the recording when it ends (cigate stream; see {@link RecordCheckOptions}). */
    @Mixin
    RecordCheckOptions check = new RecordCheckOptions();

    @Parameters(
            paramLabel = "CMD",
            arity = "0..*",
            description = "The command to launch and record, after '--': -- CMD [ARGS...]")
    List<String> command = new ArrayList<>();

    private final Plotter plotter;
    private final Path procRoot;
    private final boolean trapSignals;

    /** Set by the signal handler: the number of the signal that ended the recording, else 0. */
    private volatile int signal;

    private volatile @Nullable LaunchedCommand launched;

    /**
     * The command as the procmon launcher registers it: plotting with procmon-plot's defaults, and
     * SIGINT/SIGTERM caught so that the recording ends in order before the JVM shuts down.
     */
    RecordCommand() {
        this(defaultPlotter(), Path.of("/proc"), true);
    }

    /** procmon-plot with its default options. */
    static Plotter defaultPlotter() {
        return (log, directory) -> LogPlotter.plot(List.of(log), directory, PlotOptions.defaults());
    }

    /** For tests in a shared JVM: its signals are left alone. */
    RecordCommand(Plotter plotter) {
        this(plotter, Path.of("/proc"), false);
    }

    RecordCommand(Plotter plotter, Path procRoot, boolean trapSignals) {
        this.plotter = Objects.requireNonNull(plotter, "plotter");
        this.procRoot = procRoot;
        this.trapSignals = trapSignals;
    }

    @Override
    public Integer call() {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!Files.isReadable(procRoot.resolve("self").resolve("stat"))) {
                throw new RecordFailure("record needs Linux: " + procRoot + " is not available on this system");
            }
            RecordingSession session = RecordingSession.open(
                    log, plotDirectory, plotter, check, spec.commandLine().getOut(), err);
            try {
                return pid != null ? recordPid(session, pid) : recordCommand(session);
            } finally {
                session.close();
            }
        } catch (RecordFailure e) {
            err.println("procmon record: " + e.getMessage());
            err.flush();
            return e.exitCode();
        }
    }

    private void validate() {
        if (pid != null && !command.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--pid and a command (-- CMD) are mutually exclusive");
        }
        if (pid == null && command.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give a command to record (-- CMD ARGS...) or --pid PID");
        }
        if (pid != null && pid <= 0) {
            throw new ParameterException(spec.commandLine(), "--pid must be positive: " + pid);
        }
        if (duration != null && pid == null) {
            throw new ParameterException(spec.commandLine(), "--duration applies to --pid only");
        }
        check.validate(spec.commandLine());
    }

    /** Catches SIGINT/SIGTERM (if this command is to): records which came, then runs {@code onSignal}. */
    private TerminationSignals trapSignals(Runnable onSignal) {
        return trapSignals
                ? TerminationSignals.trap(n -> {
                    signal = n;
                    onSignal.run();
                })
                : TerminationSignals.NONE;
    }

    private int recordCommand(RecordingSession session) throws RecordFailure {
        // The hook and the signal handlers are in place before the command exists, so that nothing can
        // leave it running unrecorded.
        Runnable stop = () -> {
            LaunchedCommand c = launched;
            if (c != null) {
                c.stop();
            }
        };
        ShutdownHook hook = ShutdownHook.register("procmon-record-shutdown", () -> {
            stop.run();
            session.close();
        });
        TerminationSignals signals = trapSignals(stop);
        try {
            ProcessMonitor.Builder builder =
                    session.monitorBuilder(interval, includeChildren, memory).launchedChild();
            // Labels from outside (issue 15): the command finds this session through its environment.
            String socket = session.openLabels(ProcessHandle.current().pid());
            LaunchedCommand c;
            try {
                c = LaunchedCommand.start(
                        command,
                        LaunchedCommand.GRACE,
                        socket == null ? Map.of() : Map.of(LabelSocket.ENVIRONMENT_VARIABLE, socket));
            } catch (IOException e) {
                throw new RecordFailure(
                        "cannot run " + command.get(0) + ": " + ErrorMessage.of(e), RecordFailure.EXIT_CANNOT_RUN);
            }
            launched = c;
            session.aliasLabels(c.pid());
            if (signal != 0) {
                c.stop(); // the signal came while the command was being started
            }
            try {
                session.start(builder.pid(c.pid()), fleet);
            } catch (UncheckedIOException e) {
                c.stop();
                throw new RecordFailure("cannot record " + command.get(0) + ": " + ErrorMessage.of(cause(e)));
            }
            int status = c.waitFor();
            session.close();
            if (signal != 0) {
                return 128 + signal;
            }
            return status != 0 ? status : session.status();
        } finally {
            signals.close();
            hook.close();
        }
    }

    private int recordPid(RecordingSession session, long target) throws RecordFailure {
        PrintWriter err = spec.commandLine().getErr();
        char state = WatchedProcess.state(procRoot, target);
        if (state == WatchedProcess.GONE) {
            throw new RecordFailure("no process with pid " + target);
        }
        if (!WatchedProcess.running(procRoot, target)) {
            throw new RecordFailure("process " + target + " has already exited (state " + state
                    + ", not yet reaped by its parent); nothing to record");
        }
        ShutdownHook hook = ShutdownHook.register("procmon-record-shutdown", session::close);
        TerminationSignals signals = trapSignals(() -> {});
        try {
            try {
                session.start(
                        session.monitorBuilder(interval, includeChildren, memory)
                                .pid(target),
                        fleet);
            } catch (UncheckedIOException e) {
                throw new RecordFailure(
                        WatchedProcess.running(procRoot, target)
                                ? "cannot read process " + target + ": " + ErrorMessage.of(cause(e))
                                : "no process with pid " + target);
            }
            session.openLabels(target);
            if (WatchedProcess.awaitExit(procRoot, target, duration, () -> signal != 0)) {
                err.println("procmon record: process " + target + " has exited; recording ended");
            }
            session.close();
            return signal != 0 ? 128 + signal : session.status();
        } finally {
            signals.close();
            hook.close();
        }
    }

    private static Throwable cause(UncheckedIOException e) {
        return e.getCause() != null ? e.getCause() : e;
    }
}
