package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * PSS and USS from {@code /proc/<pid>/smaps_rollup}: {@code Pss} (each shared page divided among
 * the processes sharing it) and USS = {@code Private_Clean} + {@code Private_Dirty} (the pages only
 * this process has), both in kB in the file. The kernel walks the process's page tables to make this
 * file, so it is read only on request ({@link MemoryDetail#PSS}).
 */
final class SmapsRollupReader implements AutoCloseable {

    private static final byte[] PSS = ProcIoReader.ascii("Pss:");
    private static final byte[] PRIVATE_CLEAN = ProcIoReader.ascii("Private_Clean:");
    private static final byte[] PRIVATE_DIRTY = ProcIoReader.ascii("Private_Dirty:");
    private static final long KB = 1024;

    private final ProcFile file;
    private final byte[] buffer = new byte[2048];

    private SmapsRollupReader(ProcFile file) {
        this.file = file;
    }

    /** @param processDir the process's directory, {@code /proc/<pid>} */
    static @Nullable SmapsRollupReader open(Path processDir) {
        ProcFile f = ProcFile.openIfReadable(processDir.resolve("smaps_rollup"));
        return f == null ? null : new SmapsRollupReader(f);
    }

    void read(ProcessReading into) throws IOException {
        int n = file.read(buffer);
        long pss = ProcText.value(buffer, n, PSS);
        long clean = ProcText.value(buffer, n, PRIVATE_CLEAN);
        long dirty = ProcText.value(buffer, n, PRIVATE_DIRTY);
        into.pssBytes = pss < 0 ? ProcessReading.UNKNOWN : pss * KB;
        into.ussBytes = clean < 0 || dirty < 0 ? ProcessReading.UNKNOWN : (clean + dirty) * KB;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
