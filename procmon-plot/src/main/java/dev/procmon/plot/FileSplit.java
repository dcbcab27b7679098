package dev.procmon.plot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a large plain regular file in parts side by side, a thread per core: each part starts at the
 * start of a line and is scanned into {@link RunTables} of its own, which are then joined in file order
 * ({@link RunTables#append}), so the tables are those one reader would have made. Reading is most of
 * {@code procmon plot}'s time on a long log, and it is the part that a second core can share.
 */
final class FileSplit {

    /** Parts smaller than this are not worth a thread. */
    static final long MIN_PART = 16L << 20;

    private static final int MAX_PARTS = 4;

    private FileSplit() {}

    /** The parts to read a file of {@code size} bytes in (1: read it on the calling thread). */
    static int parts(long size) {
        int cores = Runtime.getRuntime().availableProcessors();
        return (int) Math.max(1, Math.min(Math.min(cores, MAX_PARTS), size / MIN_PART));
    }

    /** What one part gave. */
    record Part(RunTables tables, long lines, boolean complete) {}

    /**
     * Reads the file in {@code parts} parts. The calling thread waits, reporting progress; if it is
     * interrupted (a {@link StopSignal}), the parts stop where they are and their complete prefix is
     * kept.
     *
     * @param progress told the bytes read so far (of this file)
     * @return the parts in file order, up to and including the first that did not complete
     * @throws IOException if a part cannot be read
     */
    static List<Part> read(Path file, long size, int parts, LongConsumer progress) throws IOException {
        long[] from = boundaries(file, size, parts);
        AtomicLong done = new AtomicLong();
        Worker[] workers = new Worker[parts];
        for (int k = 0; k < parts; k++) {
            // The first part's tables make room for the whole file's rows: the later parts are
            // appended to them (see RunTables#expectBytes).
            long expected = k == 0 ? size : from[k + 1] - from[k];
            // The last part reads on to the end of the file, as one reader would: a log still being
            // written has grown since its size was taken, maybe from the middle of a line.
            long end = k == parts - 1 ? Long.MAX_VALUE : from[k + 1];
            workers[k] = new Worker(file, from[k], end, expected, done, k);
            workers[k].thread.start();
        }
        boolean stopped = false;
        for (Worker w : workers) {
            while (w.thread.isAlive()) {
                try {
                    w.thread.join(100);
                } catch (InterruptedException e) {
                    stopped = true;
                    for (Worker other : workers) {
                        other.thread.interrupt();
                    }
                }
                progress.accept(done.get());
            }
        }
        if (stopped) {
            Thread.currentThread().interrupt();
        }
        List<Part> result = new ArrayList<>();
        for (Worker w : workers) {
            if (w.failure != null) {
                throw w.failure;
            }
            if (w.crash instanceof RuntimeException e) {
                throw e;
            }
            if (w.crash instanceof Error e) {
                throw e; // as a read on this thread would have (an OutOfMemoryError is no stop signal)
            }
            result.add(new Part(w.tables, w.lines, w.complete));
            if (!w.complete) {
                break;
            }
        }
        progress.accept(done.get());
        return result;
    }

    /** Where each part starts: at {@code size * k / parts}, moved on to the start of the next line. */
    static long[] boundaries(Path file, long size, int parts) throws IOException {
        long[] from = new long[parts + 1];
        from[parts] = size;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            for (int k = 1; k < parts; k++) {
                from[k] = lineStartAtOrAfter(ch, Math.max(from[k - 1], size / parts * k), size, buf);
            }
        }
        return from;
    }

    /** The first line start at or after {@code pos}: just after the first newline at or after {@code pos - 1}. */
    private static long lineStartAtOrAfter(FileChannel ch, long pos, long size, ByteBuffer buf) throws IOException {
        if (pos == 0) {
            return 0;
        }
        long at = pos - 1;
        while (at < size) {
            buf.clear();
            int n = ch.read(buf, at);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
        return size;
    }

    /** Scans bytes {@code [start, end)} of the file on a daemon thread of its own. */
    private static final class Worker {
        final Thread thread;
        final RunTables tables = new RunTables();
        long lines;
        boolean complete;

        @Nullable
        IOException failure;

        /** A RuntimeException or an Error the part ended with. */
        @Nullable
        Throwable crash;

        Worker(Path file, long start, long end, long expected, AtomicLong done, int k) {
            tables.expectBytes(expected);
            thread = new Thread(() -> run(file, start, end, done), "procmon-plot-read-" + k);
            thread.setDaemon(true);
        }

        private void run(Path file, long start, long end, AtomicLong done) {
            LogScanner scanner = new LogScanner();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ch.position(start);
                InputStream in = new CountingInput(
                        new RangeInput(Channels.newInputStream(ch), end - start), n -> done.addAndGet(n));
                scanner.scan(in, tables);
                complete = true;
            } catch (ClosedByInterruptException e) {
                complete = false; // stopped by a signal: what was read is kept
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException | Error e) {
                crash = e;
            }
            lines = scanner.lines();
        }
    }
}
