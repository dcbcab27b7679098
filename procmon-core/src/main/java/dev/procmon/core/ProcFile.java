package dev.procmon.core;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A small kernel-generated text file (under {@code /proc} or {@code /sys/fs/cgroup}) kept open and
 * re-read from offset 0 into the caller's reused buffer: fresh values every time, no allocation. The
 * kernel hands such a file over whole in one read when the buffer is large enough, so it is read
 * once (reading on to EOF would cost one more system call per sample); the caller sizes the buffer.
 */
final class ProcFile implements AutoCloseable {

    private final RandomAccessFile file;

    private ProcFile(RandomAccessFile file) {
        this.file = file;
    }

    /** Returns the open file, or null when it does not exist or cannot be read (then left out). */
    static @Nullable ProcFile openIfReadable(Path path) {
        try {
            ProcFile f = new ProcFile(new RandomAccessFile(path.toFile(), "r"));
            // /proc/<pid>/io of another user's process opens but refuses the read: try one now.
            f.read(new byte[256]);
            return f;
        } catch (IOException e) {
            return null;
        }
    }

    /** Returns the number of bytes read into {@code buffer} (0 for an empty file). */
    int read(byte[] buffer) throws IOException {
        file.seek(0);
        return Math.max(0, file.read(buffer, 0, buffer.length));
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
