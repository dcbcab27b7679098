package dev.procmon.plot;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongToIntFunction;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one log file into {@link RunTables}: plain or gzip (recognised by its magic bytes; a cut or
 * corrupt gzip keeps its intact prefix), a large plain file in parts side by side ({@link FileSplit}),
 * a pipe or device until it ends or the reading thread is interrupted. Where the input was cut short,
 * it adds a notice.
 */
final class FileRead {

    private final String name;
    private final RunTables runs;
    private final List<String> notices;
    private final LongConsumer progress;
    private final LongToIntFunction partsFor;
    /** Whether a signal stopped the read (what was read is kept). */
    boolean stopped;

    /**
     * @param progress told the bytes of this file read so far
     * @param partsFor the parts to read a plain regular file of a given size in ({@link FileSplit#parts})
     */
    FileRead(String name, RunTables runs, List<String> notices, LongConsumer progress, LongToIntFunction partsFor) {
        this.name = name;
        this.runs = runs;
        this.notices = notices;
        this.progress = progress;
        this.partsFor = partsFor;
    }

    /**
     * Reads {@code file}.
     *
     * @param size its size if it is a regular file, else 0
     */
    void read(Path file, long size) throws PlotInputException {
        int samplesBefore = runs.samples();
        try {
            // The magic is looked at only where a split is possible (readWhole looks at it anyway).
            int parts = size > 0 ? partsFor.applyAsInt(size) : 1;
            if (parts > 1 && GzipMagic.of(file)) {
                parts = 1;
            }
            if (parts > 1) {
                readInParts(file, size, parts);
            } else {
                readWhole(file, size, samplesBefore);
            }
        } catch (ClosedByInterruptException e) {
            stopped(samplesBefore);
        } catch (ZipException | EOFException e) {
            throw new PlotInputException(name + ": corrupt or truncated gzip data", e);
        } catch (IOException e) {
            throw new PlotInputException(name + ": cannot read: " + LogReader.reason(e), e);
        }
    }

    private void stopped(int samplesBefore) {
        stopped = true;
        notices.add(name + ": reading stopped by a signal after " + (runs.samples() - samplesBefore)
                + " samples; plotted what was read");
    }

    private void readInParts(Path file, long size, int parts) throws IOException {
        int samplesBefore = runs.samples();
        long lineOffset = 0;
        for (FileSplit.Part part : FileSplit.read(file, size, parts, progress)) {
            runs.append(part.tables(), lineOffset);
            lineOffset += part.lines();
            if (!part.complete()) {
                stopped(samplesBefore);
                return;
            }
        }
    }

    private void readWhole(Path file, long size, int samplesBefore) throws IOException {
        long[] count = {0};
        TolerantGzipInput gzip = null;
        runs.expectBytes(0);
        try (InputStream raw = Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ));
                InputStream counted = new CountingInput(raw, n -> progress.accept(count[0] += n))) {
            BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16);
            InputStream in = buffered;
            if (GzipMagic.at(buffered)) {
                gzip = new TolerantGzipInput(new GZIPInputStream(buffered, 1 << 16));
                in = gzip;
            } else {
                runs.expectBytes(size);
            }
            if (new LogScanner().scan(in, runs, size == 0)) {
                notices.add(name + ": a line longer than " + (LogScanner.MAX_LINE >> 20)
                        + " MiB in a stream that is not a regular file; stopped reading there");
            }
        }
        if (gzip != null && gzip.cutShort != null) {
            if (runs.samples() == samplesBefore) {
                throw new ZipException("cut short: " + gzip.cutShort);
            }
            notices.add(name + ": gzip data " + (gzip.cutShort instanceof EOFException ? "truncated" : "corrupt")
                    + "; plotted the " + (runs.samples() - samplesBefore) + " samples before that");
        }
    }
}
