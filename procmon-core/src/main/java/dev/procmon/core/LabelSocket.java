package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Labels from outside the process: a Unix domain socket per recorded process, in a directory only
 * its user can enter ({@code <java.io.tmpdir>/procmon-<user>/<pid>.sock}), through which {@code procmon
 * label} adds a label to the running recording. Each connection carries one label (UTF-8 text, the
 * connection's whole input, at most {@value #MAX_LABEL_BYTES} bytes kept); the answer is one line,
 * {@code ok} or {@code full}. Labels go through {@link ProcessMonitor#label(String)}: bounded, escaped
 * like every label, and served by one daemon thread of their own, so a flood of them cannot hold up
 * sampling. A peer of another user is refused where the system tells who the peer is (Linux, macOS).
 */
public final class LabelSocket implements AutoCloseable {

    /** The environment variable {@code procmon record} sets for its command: the path of its socket. */
    public static final String ENVIRONMENT_VARIABLE = "PROCMON_LABEL_SOCKET";
    /** Bytes of one label read at most; more is cut (and a label is cut to its line length anyway). */
    public static final int MAX_LABEL_BYTES = 16 * 1024;

    private final LabelServer server;

    private LabelSocket(LabelServer server) {
        this.server = server;
    }

    /**
     * Opens the socket of process {@code pid} and starts serving it. A socket file left by a
     * recording that is gone is replaced.
     *
     * @throws IOException when the directory is not private, or another live recording of the same
     *     pid already has the socket
     */
    public static LabelSocket open(long pid) throws IOException {
        return new LabelSocket(LabelServer.start(LabelDirectory.create(), pid));
    }

    /** Where the socket of process {@code pid} is, whether or not it exists. */
    public static Path pathFor(long pid) {
        return LabelDirectory.path().resolve(pid + ".sock");
    }

    /**
     * Sends one label to the socket at {@code socket}.
     *
     * @return true if queued, false if the recording's label queue was full
     * @throws IOException with a message fit for a user when there is no recording there, it is
     *     another user's, or it does not answer
     */
    public static boolean send(Path socket, String label) throws IOException {
        if (Files.isDirectory(socket.getParent())) {
            try {
                LabelDirectory.check(socket.getParent());
            } catch (IOException e) {
                throw new IOException(socket + ": refused: " + e.getMessage() + " (only its user can label it)", e);
            }
        }
        return LabelClient.send(socket, label);
    }

    /** Also answers at the socket path of {@code pid} (a recording that launched that process). */
    public void alias(long pid) throws IOException {
        server.alias(pid);
    }

    /** The path of the socket. */
    public Path path() {
        return server.path();
    }

    /** Stops serving and removes the socket file(s). Idempotent; never throws. */
    @Override
    public void close() {
        server.close();
    }
}
