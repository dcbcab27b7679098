package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Context switches from {@code /proc/<pid>/status} ({@code voluntary_ctxt_switches},
 * {@code nonvoluntary_ctxt_switches}). The kernel formats some fifty lines for this file, so it is
 * read only every few samples ({@link ProcessCounters}).
 */
final class ProcStatusReader implements AutoCloseable {
    /** Big enough for the status of a process on a machine with thousands of CPUs (long lists). */
    private static final int STATUS_BUFFER = 16 * 1024;

    private final ProcKeyValueFile file;

    private ProcStatusReader(ProcKeyValueFile file) {
        this.file = file;
    }

    /** @param processDir the process's directory, {@code /proc/<pid>} */
    static @Nullable ProcStatusReader open(Path processDir) {
        ProcKeyValueFile f = ProcKeyValueFile.open(
                processDir.resolve("status"), STATUS_BUFFER, "voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:");
        return f == null ? null : new ProcStatusReader(f);
    }

    void read(ProcessReading into) throws IOException {
        file.read();
        into.voluntaryCtxSwitches = file.value(0);
        into.involuntaryCtxSwitches = file.value(1);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
