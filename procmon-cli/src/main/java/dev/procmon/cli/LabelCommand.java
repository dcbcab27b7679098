package dev.procmon.cli;

import dev.procmon.core.LabelSocket;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code procmon label [--pid PID] TEXT}: adds a label to a running recording through its
 * {@link LabelSocket}. Kept to core's socket client: no logging, no JSON, so it starts fast.
 */
@Command(
        name = "label",
        mixinStandardHelpOptions = true,
        description = {
            "Adds a label to a running recording: a JVM monitored by procmon (library or agent),",
            "or a procmon record/attach session. Without --pid: the session this command runs",
            "under (procmon record sets " + LabelSocket.ENVIRONMENT_VARIABLE + ")."
        },
        footer = {
            "",
            "Examples:",
            "  procmon label --pid 4242 \"cache warm\"",
            "  procmon record --log build.log -- sh -c 'make deps; procmon label linking; make link'",
            "",
            "Exit code: 0 queued; 1 no recording, refused, or the recording's label queue was full."
        })
final class LabelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--pid",
            paramLabel = "PID",
            description = "The recorded process (default: the enclosing procmon record).")
    @Nullable
    Long pid;

    @Parameters(paramLabel = "TEXT", description = "The label.")
    String text;

    @Override
    public Integer call() {
        if (pid != null && pid <= 0) {
            throw new ParameterException(spec.commandLine(), "--pid must be positive: " + pid);
        }
        if (text.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the label is empty");
        }
        return send(pid, text, spec.commandLine().getErr());
    }

    /**
     * {@code procmon label TEXT} and {@code procmon label --pid PID TEXT} without picocli, which costs
     * about half the CPU of the command's start (scripts label every step): the exit code, or null
     * for any other form (help, an option, an empty text, a bad pid), which picocli then handles.
     */
    static @Nullable Integer quick(String[] args, PrintWriter err) {
        if (args.length == 2 && usable(args[1])) {
            return send(null, args[1], err);
        }
        if (args.length == 4 && args[1].equals("--pid") && args[2].matches("[1-9][0-9]{0,17}") && usable(args[3])) {
            return send(Long.parseLong(args[2]), args[3], err);
        }
        return null;
    }

    private static boolean usable(String text) {
        return !text.isBlank() && !text.startsWith("-");
    }

    private static int send(@Nullable Long pid, String text, PrintWriter err) {
        String fromEnvironment = System.getenv(LabelSocket.ENVIRONMENT_VARIABLE);
        Path socket;
        if (pid != null) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return fail(err, "no process with pid " + pid);
            }
            socket = LabelSocket.pathFor(pid);
        } else if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            socket = Path.of(fromEnvironment);
        } else {
            return fail(err, "no recording to label: give --pid PID, or run under procmon record");
        }
        try {
            if (!LabelSocket.send(socket, text)) {
                return fail(err, "the recording's label queue is full; label dropped");
            }
            return 0;
        } catch (IOException e) {
            return fail(
                    err, (pid != null ? "no recording of pid " + pid + " takes labels: " : "") + ErrorMessage.of(e));
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println("procmon label: " + message);
        err.flush();
        return 1;
    }
}
