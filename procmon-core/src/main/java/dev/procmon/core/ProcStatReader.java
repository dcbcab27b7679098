package dev.procmon.core;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * Reads {@code /proc/<pid>/stat} in one read through a descriptor kept open between samples (re-read
 * from offset 0 gives fresh values every time) into a reused buffer, and parses it without creating
 * a String: this is the per-sample hot path, so it is hand-written.
 */
final class ProcStatReader implements AutoCloseable {

    private final Path path;
    private final RandomAccessFile file;
    private final byte[] buffer = new byte[1024];

    ProcStatReader(Path path) throws IOException {
        this.path = path;
        this.file = new RandomAccessFile(path.toFile(), "r");
    }

    static ProcStatReader forPid(long pid) throws IOException {
        return new ProcStatReader(Path.of("/proc", Long.toString(pid), "stat"));
    }

    Path path() {
        return path;
    }

    void read(ProcStat into) throws IOException {
        file.seek(0);
        int length = 0;
        int n;
        // The kernel hands the whole line over in one read; only a line cut short (no '\n' yet) is
        // read on. Reading on to EOF would cost a third system call (lseek, read, read = 0) per sample.
        while (length < buffer.length && (n = file.read(buffer, length, buffer.length - length)) > 0) {
            length += n;
            if (buffer[length - 1] == '\n') {
                break;
            }
        }
        parse(buffer, length, into);
    }

    /**
     * Reads a stat file once (open, one read, close) into the caller's reused buffer: for the
     * processes a tree walk looks at once per sample, where keeping a descriptor per pid would leak
     * them as processes come and go. Allocates only the stream, no reader and no String.
     */
    static void readOnce(String path, byte[] buffer, ProcStat into) throws IOException {
        int length = 0;
        try (FileInputStream in = new FileInputStream(path)) {
            int n;
            while (length < buffer.length && (n = in.read(buffer, length, buffer.length - length)) > 0) {
                length += n;
            }
        }
        parse(buffer, length, into);
    }

    /**
     * Parses the stat line. The process name (field 2) is in parentheses and may itself contain
     * spaces and parentheses, so the fields are counted from the last {@code ')'}.
     */
    static void parse(byte[] line, int length, ProcStat into) throws IOException {
        int close = -1;
        for (int i = length - 1; i >= 0; i--) {
            if (line[i] == ')') {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new IOException("no ')' in /proc stat line");
        }
        into.pid = leadingNumber(line, close);
        // After ") " comes field 3 (state); field numbers below are those of proc(5).
        int field = 3;
        int i = close + 2;
        into.state = i < length ? line[i] : 0;
        while (i < length && field <= 24) {
            int start = i;
            while (i < length && line[i] != ' ' && line[i] != '\n') {
                i++;
            }
            switch (field) {
                case 4 -> into.ppid = number(line, start, i);
                case 10 -> into.minflt = number(line, start, i);
                case 11 -> into.cminflt = number(line, start, i);
                case 12 -> into.majflt = number(line, start, i);
                case 13 -> into.cmajflt = number(line, start, i);
                case 14 -> into.utime = number(line, start, i);
                case 15 -> into.stime = number(line, start, i);
                case 16 -> into.cutime = number(line, start, i);
                case 17 -> into.cstime = number(line, start, i);
                case 20 -> into.numThreads = number(line, start, i);
                case 22 -> into.starttime = number(line, start, i);
                case 23 -> into.vsize = number(line, start, i);
                case 24 -> into.rssPages = number(line, start, i);
                default -> {
                }
            }
            field++;
            i++;
        }
        if (field <= 24) {
            throw new IOException("/proc stat line has only " + (field - 1) + " fields");
        }
    }

    private static long leadingNumber(byte[] line, int end) throws IOException {
        int i = 0;
        while (i < end && line[i] >= '0' && line[i] <= '9') {
            i++;
        }
        return number(line, 0, i);
    }

    private static long number(byte[] line, int start, int end) throws IOException {
        if (start >= end) {
            throw new IOException("empty field in /proc stat line");
        }
        boolean negative = line[start] == '-';
        long value = 0;
        for (int i = negative ? start + 1 : start; i < end; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IOException("not a number in /proc stat line");
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
