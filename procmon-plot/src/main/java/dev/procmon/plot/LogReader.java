package dev.procmon.plot;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToIntFunction;
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
final class LogReader {

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
    static ParsedLog read(List<Path> files, ProgressListener progress) throws PlotInputException {
        return read(files, progress, null);
    }

    /**
     * As {@link #read(List, ProgressListener)}, and stops reading (keeping what was read) when
     * {@code stop} is signalled, even while a read waits on a pipe or device.
     *
     * @param stop the stop signal, or null
     */
    static ParsedLog read(List<Path> files, ProgressListener progress, @Nullable StopSignal stop)
            throws PlotInputException {
        return read(files, progress, stop, FileSplit::parts);
    }

    /**
     * As {@link #read(List, ProgressListener, StopSignal)}, reading a plain regular file in
     * {@code partsFor.applyAsInt(size)} parts side by side (tests choose; the default is {@link FileSplit#parts}).
     */
    static ParsedLog read(
            List<Path> files, ProgressListener progress, @Nullable StopSignal stop, LongToIntFunction partsFor)
            throws PlotInputException {
        if (files.isEmpty()) {
            throw new PlotInputException("no log file given");
        }
        long total = 0;
        for (Path f : files) {
            total += checkReadable(f);
        }
        List<Path> ordered = RotatedOrder.byContent(files);
        RunTables runs = new RunTables();
        List<String> notices = new ArrayList<>();
        long done = 0;
        for (Path f : ordered) {
            String name = displayName(f);
            long malformedBefore = runs.malformed().count();
            int samplesBefore = runs.samples();
            runs.file(name);
            if (stop != null && !stop.beginRead()) {
                notices.add(name + ": not read (stopped by a signal)");
                continue;
            }
            long base = done;
            long size = Files.isRegularFile(f) ? sizeOf(f) : 0;
            long totalBytes = total;
            FileRead read = new FileRead(name, runs, notices, n -> progress.progress(base + n, totalBytes), partsFor);
            try {
                read.read(f, size);
            } finally {
                if (stop != null) {
                    stop.endRead();
                }
            }
            done += size;
            if (read.stopped) {
                if (stop != null) {
                    stop.readingDone();
                }
                if (runs.samples() > 0) {
                    continue;
                }
            }
            if (runs.samples() == samplesBefore) {
                long bad = runs.malformed().count() - malformedBefore;
                throw new PlotInputException(
                        bad == 0
                                ? name + ": no " + dev.procmon.core.LogFormat.MARKER + " sample lines"
                                : name + ": no valid sample lines (" + bad + " malformed, first at "
                                        + runs.malformed().firstIn(name) + ")");
            }
        }
        if (runs.samples() == 0) {
            throw new PlotInputException(
                    displayName(ordered.get(ordered.size() - 1)) + ": no samples read (stopped by a signal)");
        }
        if (stop != null) {
            stop.readingDone();
        }
        MalformedLines malformed = runs.malformed();
        return new ParsedLog(runs.tables(), malformed.count(), malformed.first(), ordered, notices);
    }

    private static long sizeOf(Path f) throws PlotInputException {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new PlotInputException(displayName(f) + ": cannot read: " + reason(e), e);
        }
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

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ');
    }
}
