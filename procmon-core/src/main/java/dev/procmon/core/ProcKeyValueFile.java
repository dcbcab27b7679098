package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A {@code key: value} file of {@code /proc} ({@code io}, {@code status}, {@code smaps_rollup}) kept
 * open and re-read whole into a reused buffer, with the numbers after a fixed set of keys picked out:
 * the read loop the per-file readers share. No allocation per read.
 */
final class ProcKeyValueFile implements AutoCloseable {

    private final ProcFile file;
    private final byte[] buffer;
    private final byte[][] keys;
    private final long[] values;

    private ProcKeyValueFile(ProcFile file, int bufferSize, byte[][] keys) {
        this.file = file;
        this.buffer = new byte[bufferSize];
        this.keys = keys;
        this.values = new long[keys.length];
    }

    /**
     * Opens the file, or returns null when it does not exist or cannot be read (then its keys are
     * left out).
     *
     * @param bufferSize big enough for the whole file, so that one read gets it all
     * @param keys each a line's start, colon included ({@code "read_bytes:"})
     */
    static @Nullable ProcKeyValueFile open(Path path, int bufferSize, String... keys) {
        ProcFile f = ProcFile.openIfReadable(path);
        if (f == null) {
            return null;
        }
        byte[][] k = new byte[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            k[i] = ProcText.ascii(keys[i]);
        }
        return new ProcKeyValueFile(f, bufferSize, k);
    }

    /** Re-reads the file; then {@link #value(int)} answers for this reading. */
    void read() throws IOException {
        int n = file.read(buffer);
        for (int i = 0; i < keys.length; i++) {
            values[i] = ProcText.value(buffer, n, keys[i]);
        }
    }

    /** The number after the {@code i}-th key at the last {@link #read()}, or -1 when absent. */
    long value(int i) {
        return values[i];
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
