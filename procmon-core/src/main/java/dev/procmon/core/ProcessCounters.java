package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The counters of one process beyond its stat line, each from its cheapest source and each left out
 * when the source cannot be read. Per-sample budget (issue 12): one extra read at every sample, the
 * I/O counters; what costs more is read every {@value #SPARSE_PERIOD}th sample (context switches from
 * the large {@code status} file, the descriptor count, the cgroup's two files; a line without them
 * leaves their keys out, and a reader's rates span the gap) or only on request (PSS/USS, a page-table
 * walk).
 */
final class ProcessCounters implements AutoCloseable {

    /** Every how many samples the sparse counters are read (the first sample reads them too). */
    static final int SPARSE_PERIOD = 10;

    private final @Nullable ProcIoReader io;
    private final @Nullable ProcStatusReader status;
    private final @Nullable FdCount fds;
    private final @Nullable CgroupMemory cgroup;
    private final @Nullable SmapsRollupReader smaps;
    private int tick;

    ProcessCounters(
            @Nullable ProcIoReader io,
            @Nullable ProcStatusReader status,
            @Nullable FdCount fds,
            @Nullable CgroupMemory cgroup,
            @Nullable SmapsRollupReader smaps) {
        this.io = io;
        this.status = status;
        this.fds = fds;
        this.cgroup = cgroup;
        this.smaps = smaps;
    }

    /** @param processDir the process's directory, {@code /proc/<pid>} */
    static ProcessCounters open(Path processDir, MemoryDetail memory) {
        return open(processDir, memory, true);
    }

    /**
     * @param processDir the process's directory, {@code /proc/<pid>}
     * @param cgroup whether to read the cgroup's memory (a tree's root does, its other members not)
     */
    static ProcessCounters open(Path processDir, MemoryDetail memory, boolean cgroup) {
        return new ProcessCounters(
                ProcIoReader.open(processDir),
                ProcStatusReader.open(processDir),
                FdCount.open(processDir),
                cgroup ? CgroupMemory.open(processDir, Path.of("/")) : null,
                memory == MemoryDetail.PSS ? SmapsRollupReader.open(processDir) : null);
    }

    /**
     * Adds what can be read now to {@code into}. A source that fails this time is left out of this
     * line only: the stat line, read first, already tells whether the process is gone.
     */
    void read(ProcessReading into) {
        read(into, tick++ % SPARSE_PERIOD == 0);
    }

    /**
     * As {@link #read(ProcessReading)}, with the caller choosing whether this sample reads the
     * sparse counters (a tree reads all its members alike).
     */
    void read(ProcessReading into, boolean sparse) {
        try {
            if (io != null) {
                io.read(into);
            }
            if (smaps != null) {
                smaps.read(into);
            }
            if (sparse) {
                if (status != null) {
                    status.read(into);
                }
                if (fds != null) {
                    fds.read(into);
                }
                if (cgroup != null) {
                    cgroup.read(into);
                }
            }
        } catch (IOException e) {
            // Left out of this line (e.g. the process exited between the stat read and this one).
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (AutoCloseable c : new AutoCloseable[] {io, status, cgroup, smaps}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof IOException io2 ? io2 : new IOException(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
