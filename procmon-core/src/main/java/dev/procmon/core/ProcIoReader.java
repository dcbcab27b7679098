package dev.procmon.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * I/O counters from {@code /proc/<pid>/io}: bytes through read/write system calls ({@code rchar},
 * {@code wchar}) and at the storage layer ({@code read_bytes}, {@code write_bytes}). Another user's
 * process refuses the file: then there is no reader and the keys are left out.
 */
final class ProcIoReader implements AutoCloseable {

    private static final byte[] RCHAR = ascii("rchar:");
    private static final byte[] WCHAR = ascii("wchar:");
    private static final byte[] READ_BYTES = ascii("read_bytes:");
    private static final byte[] WRITE_BYTES = ascii("write_bytes:");

    private final ProcFile file;
    private final byte[] buffer = new byte[512];

    private ProcIoReader(ProcFile file) {
        this.file = file;
    }

    /** @param processDir the process's directory, {@code /proc/<pid>} */
    static @Nullable ProcIoReader open(Path processDir) {
        ProcFile f = ProcFile.openIfReadable(processDir.resolve("io"));
        return f == null ? null : new ProcIoReader(f);
    }

    void read(ProcessReading into) throws IOException {
        int n = file.read(buffer);
        into.readChars = ProcText.value(buffer, n, RCHAR);
        into.writeChars = ProcText.value(buffer, n, WCHAR);
        into.readBytes = ProcText.value(buffer, n, READ_BYTES);
        into.writeBytes = ProcText.value(buffer, n, WRITE_BYTES);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
