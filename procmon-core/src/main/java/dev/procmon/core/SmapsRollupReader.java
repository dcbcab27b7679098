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
    private static final long KB = 1024;

    private final ProcKeyValueFile file;

    private SmapsRollupReader(ProcKeyValueFile file) {
        this.file = file;
    }

    /** @param processDir the process's directory, {@code /proc/<pid>} */
    static @Nullable SmapsRollupReader open(Path processDir) {
        ProcKeyValueFile f = ProcKeyValueFile.open(
                processDir.resolve("smaps_rollup"), 2048, "Pss:", "Private_Clean:", "Private_Dirty:");
        return f == null ? null : new SmapsRollupReader(f);
    }

    void read(ProcessReading into) throws IOException {
        file.read();
        long pss = file.value(0);
        long clean = file.value(1);
        long dirty = file.value(2);
        into.pssBytes = pss < 0 ? ProcessReading.UNKNOWN : pss * KB;
        into.ussBytes = clean < 0 || dirty < 0 ? ProcessReading.UNKNOWN : (clean + dirty) * KB;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
