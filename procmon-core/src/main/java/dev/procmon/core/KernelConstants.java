package dev.procmon.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The clock-tick rate and page size that /proc's numbers are counted in, read from the kernel's
 * auxiliary vector ({@code /proc/self/auxv}: AT_PAGESZ, AT_CLKTCK) rather than hard-coded, so a
 * kernel with another HZ or a 64 KiB page size is read correctly without forking {@code getconf}.
 */
record KernelConstants(long clockTicksPerSecond, long pageSize) {

    private static final long AT_PAGESZ = 6;
    private static final long AT_CLKTCK = 17;

    static KernelConstants read(ProcRoot proc) throws IOException {
        return parseAuxv(Files.readAllBytes(Path.of(proc.selfAuxv())));
    }

    /** Parses an auxiliary vector of native-endian 64-bit (type, value) pairs. */
    static KernelConstants parseAuxv(byte[] auxv) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(auxv).order(ByteOrder.nativeOrder());
        long ticks = 0;
        long page = 0;
        while (buf.remaining() >= 16) {
            long type = buf.getLong();
            long value = buf.getLong();
            if (type == AT_PAGESZ) {
                page = value;
            } else if (type == AT_CLKTCK) {
                ticks = value;
            } else if (type == 0) {
                break;
            }
        }
        if (ticks <= 0 || page <= 0) {
            throw new IOException("/proc/self/auxv has no AT_CLKTCK or AT_PAGESZ entry");
        }
        return new KernelConstants(ticks, page);
    }
}
