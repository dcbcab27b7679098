package dev.procmon.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One client of a {@link LabelServer}: the label's bytes so far (at most {@link
 * LabelSocket#MAX_LABEL_BYTES}) and when it connected, and the label they make once the client has
 * sent it all or left.
 */
final class LabelConnection {
    final ByteBuffer buffer = ByteBuffer.allocate(LabelSocket.MAX_LABEL_BYTES);
    private final long since;

    LabelConnection(long since) {
        this.since = since;
    }

    /** Whether this connection has been open longer than {@code limitNanos} at {@code now}. */
    boolean olderThan(long now, long limitNanos) {
        return now - since > limitNanos;
    }

    /**
     * The label received, decoded as UTF-8 (malformed bytes replaced) without its final newline, or
     * null when nothing was received; consumes the buffer.
     */
    @Nullable
    String label() throws CharacterCodingException {
        buffer.flip();
        if (!buffer.hasRemaining()) {
            return null;
        }
        String label = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(buffer)
                .toString();
        return label.endsWith("\n") ? label.substring(0, label.length() - 1) : label;
    }
}
