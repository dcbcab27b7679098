package dev.procmon.cli;

import dev.procmon.core.LabelSocket;
import dev.procmon.core.ProcessMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code procmon record -- CMD}: launches the command, records it until it exits and ends the
 * recording; a shutdown hook and the caught signals stop the command and end the recording in order
 * whatever comes first.
 */
final class CommandRecording {

    private final RecordingSession session;
    private final List<String> command;
    private final CaughtSignal signal;

    private volatile @Nullable LaunchedCommand launched;

    CommandRecording(RecordingSession session, List<String> command, CaughtSignal signal) {
        this.session = session;
        this.command = List.copyOf(command);
        this.signal = signal;
    }

    /**
     * Runs the command under the monitor {@code builder} describes (all but the pid).
     *
     * @return the command's exit code (128+N for signal N), else the session's status
     */
    int run(ProcessMonitor.Builder builder, FleetOptions fleet) throws RecordFailure {
        // The hook and the signal handlers are in place before the command exists, so that nothing can
        // leave it running unrecorded.
        ShutdownHook hook = ShutdownHook.register("procmon-record-shutdown", () -> {
            stop();
            session.close();
        });
        TerminationSignals signals = signal.trap(this::stop);
        try {
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
            if (signal.caught()) {
                c.stop(); // the signal came while the command was being started
            }
            try {
                session.start(builder.pid(c.pid()), fleet);
            } catch (UncheckedIOException e) {
                c.stop();
                throw new RecordFailure("cannot record " + command.get(0) + ": " + ErrorMessage.ofCause(e));
            }
            int status = c.waitFor();
            session.close();
            return signal.exitCode(status != 0 ? status : session.status());
        } finally {
            signals.close();
            hook.close();
        }
    }

    private void stop() {
        LaunchedCommand c = launched;
        if (c != null) {
            c.stop();
        }
    }
}
