package dev.procmon.cli;

import dev.procmon.core.MemoryDetail;
import dev.procmon.core.ProcessMonitor;
import dev.procmon.picocli.SecondsConverter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** {@code --interval}, {@code --log}, {@code --plot} and the fleet's options, as {@code attach} has them. */
    @Mixin
    RecordingOptions recording = new RecordingOptions();

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
    private final CaughtSignal signal;

    /**
     * The command as the procmon launcher registers it: plotting with procmon-plot's defaults, and
     * SIGINT/SIGTERM caught so that the recording ends in order before the JVM shuts down.
     */
    RecordCommand() {
        this(Plotter.defaults(), Path.of("/proc"), true);
    }

    /** For tests in a shared JVM: its signals are left alone. */
    RecordCommand(Plotter plotter) {
        this(plotter, Path.of("/proc"), false);
    }

    RecordCommand(Plotter plotter, Path procRoot, boolean trapSignals) {
        this.plotter = Objects.requireNonNull(plotter, "plotter");
        this.procRoot = procRoot;
        this.signal = new CaughtSignal(trapSignals);
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
                    recording.log,
                    recording.plotDirectory,
                    plotter,
                    check,
                    spec.commandLine().getOut(),
                    err);
            try {
                if (pid != null) {
                    return recordPid(session, pid);
                }
                // Made before the command is launched: see RecordingSession.monitorBuilder.
                ProcessMonitor.Builder builder = session.monitorBuilder(recording.interval, includeChildren, memory)
                        .launchedChild();
                return new CommandRecording(session, command, signal).run(builder, recording.fleet);
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

    /** {@code record --pid}: until the process exits, {@code --duration} passes or a signal comes. */
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
        TerminationSignals signals = signal.trap(() -> {});
        try {
            try {
                session.start(
                        session.monitorBuilder(recording.interval, includeChildren, memory)
                                .pid(target),
                        recording.fleet);
            } catch (UncheckedIOException e) {
                throw new RecordFailure(
                        WatchedProcess.running(procRoot, target)
                                ? "cannot read process " + target + ": " + ErrorMessage.ofCause(e)
                                : "no process with pid " + target);
            }
            session.openLabels(target);
            if (WatchedProcess.awaitExit(procRoot, target, duration, signal::caught)) {
                err.println("procmon record: process " + target + " has exited; recording ended");
            }
            session.close();
            return signal.exitCode(session.status());
        } finally {
            signals.close();
            hook.close();
        }
    }
}
