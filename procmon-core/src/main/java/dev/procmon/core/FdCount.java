package dev.procmon.core;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Open file descriptors of a process: since Linux 6.2 the size {@code stat(2)} reports for
 * {@code /proc/<pid>/fd} is their count, so one {@code stat} on a reused {@link File} gives it without
 * listing the directory (which would allocate a path per descriptor). Older kernels report 0: then
 * there is no counter and the key is left out.
 */
final class FdCount {

    private final File fdDir;

    private FdCount(File fdDir) {
        this.fdDir = fdDir;
    }

    /**
     * Returns the counter, or null when the kernel does not report the count or the directory is not
     * ours to read.
     * @param processDir the process's directory, {@code /proc/<pid>}
     */
    static @Nullable FdCount open(Path processDir) {
        Path dir = processDir.resolve("fd");
        File f = dir.toFile();
        if (f.length() > 0) {
            return new FdCount(f);
        }
        // Zero: either a process without descriptors on a kernel that counts, or a kernel that does
        // not. Listing once tells which (unreadable: not ours, left out).
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return entries.iterator().hasNext() ? null : new FdCount(f);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void read(ProcessReading into) {
        into.numFds = fdDir.length();
    }
}
