package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * I/O counters from {@code /proc/<pid>/io}: bytes through read/write system calls ({@code rchar},
 * {@code wchar}) and at the storage layer ({@code read_bytes}, {@code write_bytes}). Another user's
 * process refuses the file: then there is no reader and the keys are left out.
 */
final class ProcIoReader implements AutoCloseable {

    private final ProcKeyValueFile file;

    private ProcIoReader(ProcKeyValueFile file) {
        this.file = file;
    }

    /** @param processDir the process's directory, {@code /proc/<pid>} */
    static @Nullable ProcIoReader open(Path processDir) {
        ProcKeyValueFile f =
                ProcKeyValueFile.open(processDir.resolve("io"), 512, "rchar:", "wchar:", "read_bytes:", "write_bytes:");
        return f == null ? null : new ProcIoReader(f);
    }

    void read(ProcessReading into) throws IOException {
        file.read();
        into.readChars = file.value(0);
        into.writeChars = file.value(1);
        into.readBytes = file.value(2);
        into.writeBytes = file.value(3);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
