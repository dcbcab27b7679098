package dev.procmon.core;

import java.io.IOException;
import java.net.BindException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

    private final Path dir;
    private final Path path;
    /** The socket file's identity, so close() never deletes another recording's socket. */
    private final Object fileKey;

    private final List<Path> aliases = new ArrayList<>();
    private @Nullable LabelServer server;
    private boolean closed;

    private LabelSocket(Path dir, Path path, Object fileKey) {
        this.dir = dir;
        this.path = path;
        this.fileKey = fileKey;
    }

    /**
     * Opens the socket of process {@code pid} and starts serving it. A socket file left by a
     * recording that is gone is replaced.
     *
     * @throws IOException when the directory is not private, or another live recording of the same
     *     pid already has the socket
     */
    public static LabelSocket open(long pid) throws IOException {
        return open(pid, ProcessMonitor::label);
    }

    /**
     * As {@link #open(long)}, with the labels going to {@code deliver} (a recording of another
     * process hands them to its own monitor: {@link ProcessMonitor#addLabel(String)}).
     *
     * @param deliver takes a received label; true when it was queued ({@code ok}), else {@code full}
     */
    public static LabelSocket open(long pid, java.util.function.Predicate<String> deliver) throws IOException {
        Path dir = LabelDirectory.create();
        sweep(dir);
        Path path = dir.resolve(pid + ".sock");
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            try {
                channel.bind(UnixDomainSocketAddress.of(path));
            } catch (BindException inUse) {
                replaceStale(path, pid);
                channel.bind(UnixDomainSocketAddress.of(path));
            }
            LabelSocket socket = new LabelSocket(dir, path, key(path));
            socket.server = LabelServer.start(channel, path, deliver);
            return socket;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Removes the sockets of processes that are gone and that nobody answers at: what recordings
     * killed with SIGKILL left behind, before a reused pid can make one look alive.
     */
    private static void sweep(Path dir) {
        try (java.nio.file.DirectoryStream<Path> sockets = Files.newDirectoryStream(dir, "*.sock")) {
            for (Path socket : sockets) {
                String name = socket.getFileName().toString();
                try {
                    long pid = Long.parseLong(name.substring(0, name.length() - ".sock".length()));
                    if (ProcessHandle.of(pid).isEmpty() && !LabelClient.answers(socket)) {
                        Files.deleteIfExists(socket);
                    }
                } catch (NumberFormatException | IOException notOurs) {
                    // Not a socket of ours, or already gone: left alone.
                }
            }
        } catch (IOException | RuntimeException e) {
            // A sweep that cannot list the directory changes nothing.
        }
    }

    /** Deletes a socket file nobody answers at (its recording died); refuses a live one. */
    private static void replaceStale(Path path, long pid) throws IOException {
        if (LabelClient.answers(path)) {
            throw new IOException("another recording of pid " + pid + " already takes labels at " + path);
        }
        Files.deleteIfExists(path);
    }

    private static Object key(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
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
        Path parent = socket.toAbsolutePath()
                .getParent(); // none for "/"; "x" (from the environment) is in the working directory
        if (parent != null && Files.isDirectory(parent)) {
            try {
                LabelDirectory.check(parent);
            } catch (IOException e) {
                throw new IOException(socket + ": refused: " + e.getMessage() + " (only its user can label it)", e);
            }
        }
        return LabelClient.send(socket, label);
    }

    /** Also answers at the socket path of {@code pid} (a recording that launched that process). */
    public synchronized void alias(long pid) throws IOException {
        Path alias = dir.resolve(pid + ".sock");
        try {
            Files.createLink(alias, path);
        } catch (FileAlreadyExistsException exists) {
            replaceStale(alias, pid);
            Files.createLink(alias, path);
        }
        aliases.add(alias);
    }

    /** The path of the socket. */
    public Path path() {
        return path;
    }

    /** Stops serving and removes the socket file(s). Idempotent; never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LabelServer s = server;
        if (s != null) {
            s.close();
        }
        for (Path p : aliases) {
            deleteIfOurs(p);
        }
        deleteIfOurs(path);
    }

    /** Deletes a socket file unless another recording has put its own there since. */
    private void deleteIfOurs(Path p) {
        try {
            Object key = key(p);
            if (key == null || key.equals(fileKey)) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException gone) {
            // Already removed.
        } catch (IOException e) {
            // Left behind: the next recording of this pid replaces a socket nobody answers at.
        }
    }
}
