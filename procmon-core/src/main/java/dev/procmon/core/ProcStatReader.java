package dev.procmon.core;

import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * Reads {@code /proc/<pid>/stat} in one read through a descriptor kept open between samples (re-read
 * from offset 0 gives fresh values every time) into a reused buffer, and parses it without creating
 * a String: this is the per-sample hot path, so it is hand-written.
 */
final class ProcStatReader implements AutoCloseable {

    // The fields read, numbered as proc(5) numbers them (1 is the pid, 2 the name in parentheses).
    private static final int STATE = 3;
    private static final int PPID = 4;
    private static final int MINFLT = 10;
    private static final int CMINFLT = 11;
    private static final int MAJFLT = 12;
    private static final int CMAJFLT = 13;
    private static final int UTIME = 14;
    private static final int STIME = 15;
    private static final int CUTIME = 16;
    private static final int CSTIME = 17;
    private static final int NUM_THREADS = 20;
    private static final int STARTTIME = 22;
    private static final int VSIZE = 23;
    private static final int RSS = 24;
    /** The last field read: a line with fewer fields is refused. */
    private static final int LAST = RSS;

    private final RandomAccessFile file;
    private final byte[] buffer = new byte[1024];

    /** Opens a stat file (real or fake) and keeps its descriptor until {@link #close()}. */
    ProcStatReader(String path) throws IOException {
        this.file = new RandomAccessFile(path, "r");
    }

    ProcStatReader(java.nio.file.Path path) throws IOException {
        this(path.toString());
    }

    static ProcStatReader forPid(ProcRoot proc, long pid) throws IOException {
        return new ProcStatReader(proc.stat(pid));
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
        int field = STATE;
        int i = close + 2;
        into.state = i < length ? line[i] : 0;
        while (i < length && field <= LAST) {
            int start = i;
            while (i < length && line[i] != ' ' && line[i] != '\n') {
                i++;
            }
            switch (field) {
                case PPID -> into.ppid = number(line, start, i);
                case MINFLT -> into.minflt = number(line, start, i);
                case CMINFLT -> into.cminflt = number(line, start, i);
                case MAJFLT -> into.majflt = number(line, start, i);
                case CMAJFLT -> into.cmajflt = number(line, start, i);
                case UTIME -> into.utime = number(line, start, i);
                case STIME -> into.stime = number(line, start, i);
                case CUTIME -> into.cutime = number(line, start, i);
                case CSTIME -> into.cstime = number(line, start, i);
                case NUM_THREADS -> into.numThreads = number(line, start, i);
                case STARTTIME -> into.starttime = number(line, start, i);
                case VSIZE -> into.vsize = number(line, start, i);
                case RSS -> into.rssPages = number(line, start, i);
                default -> {}
            }
            field++;
            i++;
        }
        if (field <= LAST) {
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
