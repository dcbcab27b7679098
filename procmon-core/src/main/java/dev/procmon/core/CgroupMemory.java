package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The memory limit and usage of the cgroup a process lives in: cgroup v2 {@code memory.max} and
 * {@code memory.current}, or cgroup v1 {@code memory.limit_in_bytes} and {@code memory.usage_in_bytes},
 * whichever the process has ({@link CgroupLocation} finds the directory once). A limit of {@code max}
 * (v2) or one too large to be real (v1 writes 2^63 rounded down to a page) means none: the key is left
 * out.
 */
final class CgroupMemory implements AutoCloseable {

    private final ProcFile max;
    private final ProcFile current;
    private final byte[] buffer = new byte[64];

    private CgroupMemory(ProcFile max, ProcFile current) {
        this.max = max;
        this.current = current;
    }

    /**
     * Returns the reader, or null when the process has no memory cgroup this side can read.
     * @param processDir the process's directory, {@code /proc/<pid>}
     * @param fsRoot where the file system is seen from ({@code /} but in tests)
     */
    static @Nullable CgroupMemory open(Path processDir, Path fsRoot) {
        CgroupLocation at = CgroupLocation.find(processDir, fsRoot);
        if (at == null) {
            return null;
        }
        ProcFile max = ProcFile.openIfReadable(at.dir().resolve(at.v2() ? "memory.max" : "memory.limit_in_bytes"));
        ProcFile current =
                ProcFile.openIfReadable(at.dir().resolve(at.v2() ? "memory.current" : "memory.usage_in_bytes"));
        if (max == null || current == null) {
            closeQuietly(max);
            closeQuietly(current);
            return null;
        }
        return new CgroupMemory(max, current);
    }

    void read(ProcessReading into) throws IOException {
        into.cgroupMemoryCurrent = ProcText.number(buffer, 0, current.read(buffer));
        // "max", or more than 18 digits (v1's "unlimited"): no limit, -1, left out.
        into.cgroupMemoryMax = ProcText.number(buffer, 0, max.read(buffer));
    }

    private static void closeQuietly(@Nullable ProcFile f) {
        if (f != null) {
            try {
                f.close();
            } catch (IOException e) {
                // nothing was read from it
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            max.close();
        } finally {
            current.close();
        }
    }
}
