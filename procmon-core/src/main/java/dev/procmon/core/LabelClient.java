package dev.procmon.core;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The sending side of a {@link LabelSocket}: connect, write the label, read the one-line answer, all
 * non-blocking under one deadline, so a recording that is stopped or stuck costs the sender
 * {@value #TIMEOUT_MILLIS} ms at most, never a hang.
 */
final class LabelClient {

    static final long TIMEOUT_MILLIS = 5_000;

    private LabelClient() {}

    static boolean send(Path socket, String label) throws IOException {
        if (!Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(socket.toString(), null, "no recording takes labels here");
        }
        byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.wrap(bytes, 0, Math.min(bytes.length, LabelSocket.MAX_LABEL_BYTES));
        ByteBuffer in = ByteBuffer.allocate(16);
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
                Selector selector = Selector.open()) {
            c.configureBlocking(false);
            connect(c, socket);
            SelectionKey key = c.register(selector, c.isConnected() ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT);
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new IOException(socket + ": the recording did not answer within " + TIMEOUT_MILLIS + " ms");
                }
                selector.select(left);
                selector.selectedKeys().clear();
                if (key.isConnectable() && c.finishConnect()) {
                    key.interestOps(SelectionKey.OP_WRITE);
                } else if (c.isConnected() && out.hasRemaining()) {
                    write(c, out, socket);
                    if (!out.hasRemaining()) {
                        c.shutdownOutput();
                        key.interestOps(SelectionKey.OP_READ);
                    }
                } else if ((c.isConnected() && c.read(in) < 0) || !in.hasRemaining() || endsLine(in)) {
                    return answer(socket, in);
                }
            }
        }
    }

    private static void connect(SocketChannel c, Path socket) throws IOException {
        try {
            c.connect(UnixDomainSocketAddress.of(socket));
        } catch (ConnectException refused) {
            throw new ConnectException(socket + ": the recording that made this socket is gone");
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("ermission denied")) {
                throw new AccessDeniedException(
                        socket.toString(), null, "permission denied (only its user can label it)");
            }
            throw e;
        }
    }

    private static void write(SocketChannel c, ByteBuffer out, Path socket) throws IOException {
        try {
            c.write(out);
        } catch (IOException closedOnUs) {
            throw new IOException(socket + ": the recording refused the label");
        }
    }

    private static boolean endsLine(ByteBuffer in) {
        return in.position() > 0 && in.get(in.position() - 1) == '\n';
    }

    private static boolean answer(Path socket, ByteBuffer in) throws IOException {
        String answer = new String(in.array(), in.arrayOffset(), in.position(), StandardCharsets.US_ASCII).trim();
        return switch (answer) {
            case "ok" -> true;
            case "full" -> false;
            default -> throw new IOException(socket + ": the recording refused the label");
        };
    }

    /** Whether a live recording answers at {@code socket} (used to tell a stale socket file). */
    static boolean answers(Path socket) {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return c.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
