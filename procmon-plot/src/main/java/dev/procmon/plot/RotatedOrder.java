package dev.procmon.plot;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Puts the files of a rotated set in the order of their content, whatever order they are given in
 * (the shell gives {@code app.log app.log.1 app.log.2}, newest first): by the timestamp of each file's
 * first sample when every file has one, else by its first elapsed time. Only regular files are looked
 * into (a pipe can be read once); files without a sample keep their place at the front, where reading
 * reports them.
 */
final class RotatedOrder {

    private RotatedOrder() {}

    /** The first sample's timestamp and elapsed time. */
    private record First(Path file, long timestamp, double elapsed) {}

    /** Stops the scan at the first sample. */
    private static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Found() {
            super(null, null, false, false);
        }
    }

    static List<Path> byContent(List<Path> files) {
        if (files.size() < 2) {
            return files;
        }
        List<First> firsts = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                return files;
            }
            firsts.add(first(f));
        }
        boolean stamps = firsts.stream().allMatch(x -> x.timestamp() != Sample.NO_TIMESTAMP);
        Comparator<First> order =
                stamps ? Comparator.comparingLong(First::timestamp) : Comparator.comparingDouble(First::elapsed);
        List<First> sorted = new ArrayList<>(firsts);
        sorted.sort(Comparator.comparing((First x) -> !Double.isNaN(x.elapsed()))
                .thenComparing(
                        (a, b) -> Double.isNaN(a.elapsed()) || Double.isNaN(b.elapsed()) ? 0 : order.compare(a, b)));
        List<Path> result = new ArrayList<>();
        for (First x : sorted) {
            result.add(x.file());
        }
        return result;
    }

    private static First first(Path f) {
        SampleLineParser parser = new SampleLineParser();
        Sample sample = new Sample();
        try (BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
            InputStream in = raw;
            if (GzipMagic.at(raw)) {
                in = new GZIPInputStream(raw, 1 << 16);
            }
            new LogScanner()
                    .scan(
                            in,
                            new LogScanner.Sink() {
                                @Override
                                public void sampleLine(MarkedLine line) {
                                    if (parser.parse(line.bytes, line.jsonFrom, line.jsonLength(), sample)) {
                                        throw new Found();
                                    }
                                }

                                @Override
                                public void malformedLine(long lineNumber) {}
                            },
                            true);
        } catch (Found found) {
            return new First(f, sample.timestampMicros, sample.elapsed());
        } catch (IOException | RuntimeException e) {
            // unreadable here means unreadable when read: reported then
        }
        return new First(f, Sample.NO_TIMESTAMP, Double.NaN);
    }
}
