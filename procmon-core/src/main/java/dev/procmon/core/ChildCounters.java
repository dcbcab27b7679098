package dev.procmon.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a process's reaped children have cost it, from its {@code stat} file: fields 16 and 17
 * ({@code cutime}, {@code cstime}, clock ticks) and 11 and 13 ({@code cminflt}, {@code cmajflt}),
 * numbered as in proc(5). Not hot: read with a String, only when a launched child is gone.
 */
record ChildCounters(long cutimeTicks, long cstimeTicks, long cminflt, long cmajflt) {

    /** Reads {@code stat}; the fields are counted from the last ')' because the name may hold any. */
    static ChildCounters read(Path stat) throws IOException {
        String line = Files.readString(stat, StandardCharsets.US_ASCII);
        int close = line.lastIndexOf(')');
        if (close < 0) {
            throw new IOException("no ')' in " + stat);
        }
        // f[0] is field 3 (state).
        String[] f = line.substring(close + 1).trim().split(" ", -1);
        if (f.length < 17 - 2) {
            throw new IOException(stat + " has only " + (f.length + 2) + " fields");
        }
        try {
            return new ChildCounters(
                    Long.parseLong(f[16 - 3]),
                    Long.parseLong(f[17 - 3]),
                    Long.parseLong(f[11 - 3]),
                    Long.parseLong(f[13 - 3]));
        } catch (NumberFormatException e) {
            throw new IOException("not a number in " + stat, e);
        }
    }
}
