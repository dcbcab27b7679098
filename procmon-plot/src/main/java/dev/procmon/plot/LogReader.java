package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads log files, in the order of their content (oldest rotated file first, whatever order they are
 * given in: {@link RotatedOrder}), plain or gzip (recognised by its magic bytes; a cut or corrupt gzip
 * keeps its intact prefix), into one {@link SampleTable} per process run. A pid whose
 * {@code elapsed_time} goes backwards starts a new run. Pipes and devices are read until they end or a
 * {@link StopSignal} stops the read.
 */
// EnumOrdinal: the log fields index flat per-sample arrays by ordinal on purpose (no boxing, no map on the hot path).
@SuppressWarnings("EnumOrdinal")
public final class LogReader {

    /** How many malformed line locations are kept. */
    static final int MALFORMED_KEPT = 5;

    private LogReader() {}

    /**
     * Reads the log files into one table per process run.
     *
     * @param files the log files, oldest first
     * @param progress told about bytes read
     * @return the tables
     * @throws PlotInputException if a file is missing, unreadable, a directory, corrupt gzip, or has no
     *     valid sample line
     */
    public static ParsedLog read(List<Path> files, ProgressListener progress) throws PlotInputException {
        return read(files, progress, null);
    }

    /**
     * As {@link #read(List, ProgressListener)}, and stops reading (keeping what was read) when
     * {@code stop} is signalled, even while a read waits on a pipe or device.
     *
     * @param stop the stop signal, or null
     */
    public static ParsedLog read(List<Path> files, ProgressListener progress, @Nullable StopSignal stop)
            throws PlotInputException {
        if (files.isEmpty()) {
            throw new PlotInputException("no log file given");
        }
        long total = 0;
        for (Path f : files) {
            total += checkReadable(f);
        }
        List<Path> ordered = RotatedOrder.byContent(files);
        State state = new State();
        LogScanner scanner = new LogScanner();
        List<String> notices = new ArrayList<>();
        long[] done = {0};
        for (Path f : ordered) {
            String name = displayName(f);
            long malformedBefore = state.malformed;
            int samplesBefore = state.samples;
            state.fileName = name;
            long totalBytes = total;
            long base = done[0];
            if (stop != null && !stop.beginRead()) {
                notices.add(name + ": not read (stopped by a signal)");
                continue;
            }
            boolean regular = Files.isRegularFile(f);
            TruncationTolerant tolerant = null;
            try (InputStream raw = Channels.newInputStream(FileChannel.open(f, StandardOpenOption.READ));
                    InputStream counted = new Counting(raw, n -> {
                        done[0] = base + n;
                        progress.progress(done[0], totalBytes);
                    })) {
                BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16);
                InputStream in = buffered;
                if (isGzip(buffered)) {
                    tolerant = new TruncationTolerant(new GZIPInputStream(buffered, 1 << 16));
                    in = tolerant;
                }
                if (scanner.scan(in, state, !regular)) {
                    notices.add(name + ": a line longer than " + (LogScanner.MAX_LINE >> 20)
                            + " MiB in a stream that is not a regular file; stopped reading there");
                }
            } catch (ClosedByInterruptException e) {
                notices.add(name + ": reading stopped by a signal after " + (state.samples - samplesBefore)
                        + " samples; plotted what was read");
                if (stop != null) {
                    stop.endRead();
                    stop.readingDone();
                }
                if (state.samples > 0) {
                    continue;
                }
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new PlotInputException(name + ": corrupt or truncated gzip data", e);
            } catch (IOException e) {
                throw new PlotInputException(name + ": cannot read: " + reason(e), e);
            } finally {
                if (stop != null) {
                    stop.endRead();
                }
            }
            if (tolerant != null && tolerant.cutShort != null) {
                if (state.samples == samplesBefore) {
                    throw new PlotInputException(name + ": corrupt or truncated gzip data", tolerant.cutShort);
                }
                notices.add(name + ": gzip data "
                        + (tolerant.cutShort instanceof java.io.EOFException ? "truncated" : "corrupt")
                        + "; plotted the " + (state.samples - samplesBefore) + " samples before that");
            }
            if (state.samples == samplesBefore) {
                long bad = state.malformed - malformedBefore;
                throw new PlotInputException(
                        bad == 0
                                ? name + ": no " + dev.procmon.core.LogFormat.MARKER + " sample lines"
                                : name + ": no valid sample lines (" + bad + " malformed, first at "
                                        + state.firstBadInFile + ")");
            }
        }
        if (state.samples == 0) {
            throw new PlotInputException(
                    displayName(ordered.get(ordered.size() - 1)) + ": no samples read (stopped by a signal)");
        }
        if (stop != null) {
            stop.readingDone();
        }
        return new ParsedLog(state.tables, state.malformed, state.firstMalformed, ordered, notices);
    }

    private static long checkReadable(Path f) throws PlotInputException {
        String name = displayName(f);
        if (Files.isDirectory(f)) {
            throw new PlotInputException(name + ": is a directory, not a log file");
        }
        if (!Files.exists(f)) {
            throw new PlotInputException(name + ": no such file");
        }
        if (!Files.isRegularFile(f) && !Files.isReadable(f)) {
            throw new PlotInputException(name + ": not a readable file");
        }
        try {
            return Files.size(f);
        } catch (NoSuchFileException e) {
            throw new PlotInputException(name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new PlotInputException(name + ": permission denied", e);
        } catch (IOException e) {
            throw new PlotInputException(name + ": cannot read: " + reason(e), e);
        }
    }

    static String displayName(Path f) {
        return f.toString();
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ');
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    /**
     * Ends the stream where gzip data is cut short or corrupt, keeping what came before (as a cut
     * plain log keeps its intact lines); {@link #cutShort} says why it ended.
     */
    private static final class TruncationTolerant extends FilterInputStream {
        @Nullable
        IOException cutShort;

        TruncationTolerant(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (cutShort != null) {
                return -1;
            }
            try {
                return super.read(b, off, len);
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                cutShort = e;
                return -1;
            }
        }
    }

    /** Collects samples into tables as the scanner finds them. */
    private static final class State implements LogScanner.Sink {
        final SampleLineParser parser = new SampleLineParser();
        final Sample sample = new Sample();
        final Map<Long, SampleTable> current = new LinkedHashMap<>();
        final List<SampleTable> tables = new ArrayList<>();
        final List<String> firstMalformed = new ArrayList<>();
        long malformed;
        int samples;

        @Nullable
        String fileName;

        @Nullable
        String firstBadInFile;

        private @Nullable SampleTable last;

        @Override
        public void sampleLine(byte[] bytes, int lineStart, int marker, int from, int to, long lineNumber) {
            if (!parser.parse(bytes, from, to - from, sample)) {
                malformedLine(lineNumber);
                return;
            }
            if (!sample.hasPid) {
                // TotalDepth's 2019 lines have no pid key; its default layout has one before the marker.
                long pid = LogScanner.totalDepthPid(bytes, lineStart, marker);
                if (pid < 0) {
                    malformedLine(lineNumber);
                    return;
                }
                sample.pid = pid;
                sample.hasPid = true;
                sample.set(LogField.PID.ordinal(), (double) pid);
            }
            samples++;
            sample.label = LabelText.kept(sample.label);
            SampleTable t = last != null && last.pid() == sample.pid ? last : current.get(sample.pid);
            if (t == null || sample.elapsed() < t.lastElapsed()) {
                t = new SampleTable(sample.pid, t == null ? 1 : t.run() + 1);
                current.put(sample.pid, t);
                tables.add(t);
            }
            last = t;
            t.add(sample);
        }

        @Override
        public void malformedLine(long lineNumber) {
            malformed++;
            String where = fileName + ":" + lineNumber;
            if (firstMalformed.size() < MALFORMED_KEPT) {
                firstMalformed.add(where);
            }
            if (firstBadInFile == null || !firstBadInFile.startsWith(fileName + ":")) {
                firstBadInFile = where;
            }
        }
    }

    /** Counts the bytes read from the file for progress. */
    private static final class Counting extends FilterInputStream {
        private final java.util.function.LongConsumer onRead;
        private long count;

        Counting(InputStream in, java.util.function.LongConsumer onRead) {
            super(in);
            this.onRead = onRead;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                onRead.accept(++count);
            }
            return b;
        }

        /** 0: a channel's available() seeks, which a pipe cannot ("Illegal seek"). */
        @Override
        public int available() {
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                onRead.accept(count);
            }
            return n;
        }
    }
}
