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

    private static final byte[] VOLUNTARY = ProcIoReader.ascii("voluntary_ctxt_switches:");
    private static final byte[] NONVOLUNTARY = ProcIoReader.ascii("nonvoluntary_ctxt_switches:");

    private final ProcFile file;
    /** Big enough for the status of a process on a machine with thousands of CPUs (long lists). */
    private final byte[] buffer = new byte[16 * 1024];

    private ProcStatusReader(ProcFile file) {
        this.file = file;
    }

    /** @param processDir the process's directory, {@code /proc/<pid>} */
    static @Nullable ProcStatusReader open(Path processDir) {
        ProcFile f = ProcFile.openIfReadable(processDir.resolve("status"));
        return f == null ? null : new ProcStatusReader(f);
    }

    void read(ProcessReading into) throws IOException {
        int n = file.read(buffer);
        into.voluntaryCtxSwitches = ProcText.value(buffer, n, VOLUNTARY);
        into.involuntaryCtxSwitches = ProcText.value(buffer, n, NONVOLUNTARY);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
