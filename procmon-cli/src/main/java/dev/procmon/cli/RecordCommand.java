package dev.procmon.cli;

import dev.procmon.picocli.SecondsConverter;
import dev.procmon.plot.LogPlotter;
import dev.procmon.plot.PlotOptions;

import dev.procmon.core.MemoryDetail;
import dev.procmon.core.ProcessMonitor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code procmon record}: records another process's memory and CPU in procmon's log format, either a
 * running one ({@code --pid}) or a command it launches and watches until it exits. See
 * {@code docs/record.md}.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Records a process's memory and CPU over time: a running PID, or a command",
                "launched with inherited stdin/stdout/stderr and watched until it exits."},
        footer = {"", "Examples:",
                "  procmon record --interval 0.2 --include-children --log build.log --plot out/ -- mvn -q package",
                "  procmon record --pid 4242 --duration 60 --log server.log",
                "", "Exit code: the command's own (128+N if signal N killed it); 0 for --pid;",
                "1 on an error; 2 on a usage error; 127 if the command cannot be started."})
public final class RecordCommand implements Callable<Integer> {

    static final int EXIT_ERROR = 1;
    static final int EXIT_CANNOT_RUN = 127;

    /** How long a terminated child gets to exit before it is killed. */
    private static final Duration CHILD_GRACE = Duration.ofSeconds(5);
    /** How often --pid checks whether its target is still alive. */
    private static final long POLL_MILLIS = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--pid", paramLabel = "PID", description = "Record this running process until it exits.")
    Long pid;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1.0", converter = SecondsConverter.class,
            description = "Seconds between samples (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--duration", paramLabel = "SECONDS", converter = SecondsConverter.class,
            description = "With --pid: stop recording after this long.")
    Duration duration;

    @Option(names = "--include-children",
            description = "Sum every live descendant into each sample; the line carries num_procs.")
    boolean includeChildren;

    @Option(names = "--memory", paramLabel = "rss|pss", defaultValue = "rss", converter = MemoryDetailConverter.class,
            description = "pss: also log PSS and USS from /proc/<pid>/smaps_rollup at every sample (costs a "
                    + "page-table walk; default: ${DEFAULT-VALUE}).")
    MemoryDetail memory;

    @Option(names = "--log", paramLabel = "FILE", description = "Append the log to FILE (default: stdout).")
    Path log;

    @Option(names = "--plot", paramLabel = "DIR", description = "Render the plots into DIR when recording ends.")
    Path plotDirectory;

    @Parameters(paramLabel = "CMD", arity = "0..*",
            description = "The command to launch and record, after '--': -- CMD [ARGS...]")
    List<String> command = new ArrayList<>();

    private final Plotter plotter;
    private final Path procRoot;

    /** The state a recording shares with the shutdown hook; guarded by {@code this}. */
    private ProcessMonitor monitor;
    private Writer tee;
    private Path logForPlot;
    private volatile Process child;
    private boolean finished;
    private int finishStatus;

    /** The command as the procmon launcher registers it, plotting with procmon-plot's defaults. */
    public RecordCommand() {
        this((log, directory) -> LogPlotter.plot(List.of(log), directory, PlotOptions.defaults()), Path.of("/proc"));
    }

    RecordCommand(Plotter plotter) {
        this(plotter, Path.of("/proc"));
    }

    RecordCommand(Plotter plotter, Path procRoot) {
        this.plotter = Objects.requireNonNull(plotter, "plotter");
        this.procRoot = procRoot;
    }

    @Override
    public Integer call() {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!Files.isReadable(procRoot.resolve("self").resolve("stat"))) {
                throw new Failure("record needs Linux: " + procRoot + " is not available on this system");
            }
            prepareOutputs();
            return pid != null ? recordPid(pid) : recordCommand(command);
        } catch (Failure e) {
            err.println("procmon record: " + e.getMessage());
            err.flush();
            closeTee();
            return e.exitCode;
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
    }

    /** Checks before anything is launched that the log can be written and the plot directory made. */
    private void prepareOutputs() throws Failure {
        if (log != null) {
            try {
                Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
            } catch (IOException e) {
                throw new Failure("cannot write the log " + log + ": " + ErrorMessage.of(e));
            }
        }
        if (plotDirectory != null) {
            try {
                Files.createDirectories(plotDirectory);
            } catch (IOException e) {
                throw new Failure("cannot create the plot directory " + plotDirectory + ": " + ErrorMessage.of(e));
            }
            logForPlot = log;
            if (log == null) {
                // The log goes to stdout; keep a copy for the plotter.
                try {
                    logForPlot = Files.createTempFile("procmon-record-", ".log");
                    tee = Files.newBufferedWriter(logForPlot, StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    throw new Failure("cannot create a temporary copy of the log: " + ErrorMessage.of(e));
                }
            }
        }
    }

    /**
     * The monitor's options, all but the pid. Made before the child is launched: this loads and
     * initialises the monitor (and SLF4J) first, so the first sample follows the launch closely.
     */
    private ProcessMonitor.Builder monitorBuilder() {
        ProcessMonitor.Builder b = ProcessMonitor.builder().jvm(false)
                .includeChildren(includeChildren).interval(interval).memory(memory);
        if (log != null) {
            return b.file(log);
        }
        PrintWriter out = spec.commandLine().getOut();
        Writer copy = tee;
        Consumer<String> sink = copy == null ? out::println : line -> {
            out.println(line);
            try {
                copy.write(line);
                copy.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return b.sink(sink);
    }

    private int recordCommand(List<String> cmd) throws Failure {
        // The hook is in place before the child exists, so no SIGTERM can leave it running unrecorded.
        Thread hook = new Thread(() -> {
            Process c = child;
            if (c != null) {
                stopChild(c);
            }
            finish();
        }, "procmon-record-shutdown");
        addHook(hook);
        try {
            ProcessMonitor.Builder builder = monitorBuilder();
            Process c;
            try {
                c = new ProcessBuilder(cmd).inheritIO().start();
            } catch (IOException e) {
                throw new Failure("cannot run " + cmd.get(0) + ": " + ErrorMessage.of(e), EXIT_CANNOT_RUN);
            }
            child = c;
            try {
                start(builder.pid(c.pid()));
            } catch (UncheckedIOException e) {
                if (c.isAlive()) {
                    stopChild(c);
                    throw new Failure("cannot record " + cmd.get(0) + ": " + ErrorMessage.of(cause(e)));
                }
                // Over before the first sample could be taken: nothing to record, its exit code stands.
                spec.commandLine().getErr().println("procmon record: " + cmd.get(0)
                        + " exited before the first sample; nothing recorded");
            }
            int status = waitForExit(c);
            int finishing = finish();
            return status != 0 ? status : finishing;
        } finally {
            removeHook(hook);
        }
    }

    /** The child's exit code; the JDK already gives 128+N for a child killed by signal N, as a shell does. */
    private static int waitForExit(Process c) {
        boolean interrupted = false;
        while (true) {
            try {
                int status = c.waitFor();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return status;
            } catch (InterruptedException e) {
                // Someone wants us to stop: pass it on to the child as SIGTERM, then wait for it.
                interrupted = true;
                c.destroy();
            }
        }
    }

    private int recordPid(long target) throws Failure {
        Optional<ProcessHandle> handle = ProcessHandle.of(target);
        if (handle.isEmpty()) {
            throw new Failure("no process with pid " + target);
        }
        try {
            start(monitorBuilder().pid(target));
        } catch (UncheckedIOException e) {
            throw new Failure(handle.get().isAlive() ? "cannot read process " + target + ": " + ErrorMessage.of(cause(e))
                    : "no process with pid " + target);
        }
        Thread hook = new Thread(this::finish, "procmon-record-shutdown");
        addHook(hook);
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        try {
            // ProcessHandle.onExit() polls a process that is not our child every few seconds: too coarse.
            while (handle.get().isAlive() && (duration == null || System.nanoTime() - deadline < 0)) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int status = finish();
        removeHook(hook);
        return status;
    }

    private synchronized void start(ProcessMonitor.Builder builder) {
        monitor = builder.start();
    }

    /**
     * Ends the recording once, from whichever thread gets there first (the main thread when the
     * target exits, the shutdown hook on SIGTERM/SIGINT): writes the STOP line, closes the log and
     * renders the plots. The other caller waits for it, so the JVM does not exit mid-plot.
     *
     * @return 0, or {@link #EXIT_ERROR} if the plots could not be rendered
     */
    private synchronized int finish() {
        if (finished) {
            return finishStatus;
        }
        finished = true;
        if (monitor != null) {
            monitor.close();
        }
        closeTee();
        if (plotDirectory != null && logForPlot != null) {
            try {
                plotter.plot(logForPlot, plotDirectory);
            } catch (Exception e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("procmon record: cannot plot " + (log != null ? log : "the log") + ": " + ErrorMessage.of(e));
                err.flush();
                finishStatus = EXIT_ERROR;
            } finally {
                if (log == null) {
                    try {
                        Files.deleteIfExists(logForPlot);
                    } catch (IOException e) {
                        // A leftover temporary file is not worth failing the recording.
                    }
                }
            }
        }
        spec.commandLine().getOut().flush();
        return finishStatus;
    }

    private synchronized void closeTee() {
        if (tee != null) {
            try {
                tee.close();
            } catch (IOException e) {
                // The plotter will report a truncated copy.
            }
            tee = null;
        }
    }

    /** Passes SIGTERM on to the child and waits briefly; kills it if it does not go. */
    private static void stopChild(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        boolean interrupted = false;
        try {
            if (!child.waitFor(CHILD_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
                child.waitFor(CHILD_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable cause(UncheckedIOException e) {
        return e.getCause() != null ? e.getCause() : e;
    }

    private static void addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Already exiting: whoever is exiting will close the monitor through its own hook.
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: it found the recording finished.
        }
    }

    /** An error to report as one line, with its exit code. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        Failure(String message) {
            this(message, EXIT_ERROR);
        }

        Failure(String message, int exitCode) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }
    }
}
