package dev.procmon.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Predicate;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving side of a {@link LabelSocket}: one daemon thread, one selector, non-blocking channels.
 * At most {@value #MAX_CONNECTIONS} connections are open at once (more are closed at once), each
 * reads at most {@link LabelSocket#MAX_LABEL_BYTES} and lives at most {@value #CONNECTION_MILLIS} ms,
 * so no client can hold the thread or its memory; the thread only ever queues labels.
 */
final class LabelServer implements Runnable {

    static final String THREAD_NAME = "ProcMon-labels";
    static final int MAX_CONNECTIONS = 16;
    static final long CONNECTION_MILLIS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(ProcessMonitor.DEFAULT_LOGGER);
    private static final ByteBuffer OK = ByteBuffer.wrap("ok\n".getBytes(StandardCharsets.US_ASCII));
    private static final ByteBuffer FULL = ByteBuffer.wrap("full\n".getBytes(StandardCharsets.US_ASCII));

    private final Path path;
    private final ServerSocketChannel server;
    private final Selector selector;
    /** Where a received label goes; true when it was queued. */
    private final Predicate<String> deliver;

    private volatile boolean closed;
    private int open;
    private boolean warned;

    private LabelServer(Path path, ServerSocketChannel server, Predicate<String> deliver) throws IOException {
        this.path = path;
        this.deliver = deliver;
        this.server = server;
        this.selector = Selector.open();
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    /** Serves {@code server}, already bound at {@code path}, from a daemon thread of its own. */
    static LabelServer start(ServerSocketChannel server, Path path, Predicate<String> deliver) throws IOException {
        LabelServer s = new LabelServer(path, server, deliver);
        Thread t = new Thread(s, THREAD_NAME);
        t.setDaemon(true);
        t.start();
        return s;
    }

    @Override
    public void run() {
        try {
            while (!closed) {
                selector.select(CONNECTION_MILLIS / 4);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        accept();
                    } else if (key.isValid() && key.isReadable()) {
                        read(key);
                    }
                }
                selector.selectedKeys().clear();
                expire();
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.warn("procmon: the label socket {} stopped ({})", path, e.toString());
            }
        } finally {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key);
            }
            closeQuietly(selector);
        }
    }

    private static void closeQuietly(Object closeable) {
        try {
            if (closeable instanceof SelectionKey key) {
                key.channel().close();
            } else {
                ((AutoCloseable) closeable).close();
            }
        } catch (Exception e) {
            // Nothing more to do for a channel that will not close.
        }
    }

    private void accept() throws IOException {
        SocketChannel c = server.accept();
        if (c == null) {
            return;
        }
        if (open >= MAX_CONNECTIONS || !sameUser(c)) {
            c.close();
            return;
        }
        c.configureBlocking(false);
        c.register(selector, SelectionKey.OP_READ, new LabelConnection(System.nanoTime()));
        open++;
    }

    /** The peer's user must be ours; where the system cannot tell, the private directory decides. */
    private boolean sameUser(SocketChannel c) {
        try {
            UnixDomainPrincipal peer = c.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (peer.user().getName().equals(LabelDirectory.user())) {
                return true;
            }
            if (!warned) {
                warned = true;
                LOG.warn(
                        "procmon: refused a label from user {} at {}; this is reported once",
                        peer.user().getName(),
                        path);
            }
            return false;
        } catch (UnsupportedOperationException | IOException unknown) {
            return true;
        }
    }

    private void read(SelectionKey key) throws IOException {
        SocketChannel c = (SocketChannel) key.channel();
        LabelConnection conn = (LabelConnection) key.attachment();
        int n;
        try {
            n = c.read(conn.buffer);
        } catch (IOException reset) {
            n = -1;
            conn.buffer.clear();
        }
        if (n >= 0 && conn.buffer.hasRemaining()) {
            return;
        }
        String label = conn.label();
        if (label != null) {
            boolean queued = deliver.test(label);
            try {
                // Best effort: a reply the peer does not read in time is its loss, never a wait here.
                c.write((queued ? OK : FULL).duplicate());
            } catch (IOException gone) {
                // The sender left without its answer.
            }
        }
        drop(key);
    }

    private void expire() throws IOException {
        long now = System.nanoTime();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof LabelConnection conn
                    && conn.olderThan(now, CONNECTION_MILLIS * 1_000_000)) {
                drop(key);
            }
        }
    }

    private void drop(SelectionKey key) throws IOException {
        key.cancel();
        key.channel().close();
        open--;
    }

    /** Stops serving: the thread closes the selector and every connection on its way out. */
    void close() {
        closed = true;
        selector.wakeup();
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("procmon: closing the label socket failed", e);
        }
    }
}
