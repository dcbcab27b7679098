package dev.procmon.plot;

import dev.procmon.core.LogField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The process runs of a log, or of one part of it: parses each sample line the {@link LogScanner}
 * finds and adds it to its pid's table, starting a new run when {@code elapsed_time} goes back (the
 * pid was reused), and counts the lines it cannot use. Parts read side by side are joined with
 * {@link #append}, which gives the tables one reader would have made.
 */
// EnumOrdinal: the log fields index flat per-sample arrays by ordinal on purpose (no boxing, no map on the hot path).
@SuppressWarnings("EnumOrdinal")
final class RunTables implements LogScanner.Sink {

    private final SampleLineParser parser = new SampleLineParser();
    private final Sample sample = new Sample();
    /** Each pid's latest run. */
    private final Map<Long, SampleTable> current = new LinkedHashMap<>();

    private final List<SampleTable> tables = new ArrayList<>();
    private final MalformedLines malformed = new MalformedLines();
    /** The lines' file, as the user named it; line numbers are counted in it (or in this part of it). */
    private String file = "";

    private int samples;
    private @Nullable SampleTable last;
    /** Bytes this reader is expected to see and has seen, and had seen when the current file began. */
    private long expectedBytes;

    private long seenBytes;
    private long fileBase;

    /** The file whose lines come next. */
    void file(String name) {
        this.file = name;
    }

    /**
     * Tells how many more bytes of log are to come (0: unknown), so that tables make room for the
     * rows they will reach in one step.
     */
    void expectBytes(long bytes) {
        fileBase = seenBytes;
        expectedBytes = bytes == 0 ? 0 : seenBytes + bytes;
    }

    @Override
    public void sampleLine(MarkedLine line) {
        seenBytes = fileBase + line.streamEnd;
        if (!parser.parse(line.bytes, line.jsonFrom, line.jsonLength(), sample)) {
            malformedLine(line.lineNumber);
            return;
        }
        if (!sample.hasPid) {
            // TotalDepth's 2019 lines have no pid key; its default layout has one before the marker.
            long pid = TotalDepthLayout.pid(line);
            if (pid < 0) {
                malformedLine(line.lineNumber);
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
            t = new SampleTable(sample.pid, t == null ? 1 : t.run() + 1, this::expectedRows);
            current.put(sample.pid, t);
            tables.add(t);
        }
        last = t;
        t.add(sample);
    }

    @Override
    public void malformedLine(long lineNumber) {
        malformed.add(file, lineNumber);
    }

    /**
     * The rows a table of {@code size} rows will reach: its share of the sample lines so far, applied to
     * the bytes still to come; at most {@link #MAX_GROWTH} times its size (a log whose tail is not
     * samples must not make a table reserve room for rows that never come: the room of a table that
     * ends just after it grew is at most that many times its rows).
     */
    private int expectedRows(int size) {
        if (expectedBytes <= seenBytes || samples == 0 || seenBytes == 0) {
            return 0;
        }
        double bytesPerSample = (double) seenBytes / samples;
        double share = (double) size / samples;
        double more = (expectedBytes - seenBytes) / bytesPerSample * share * 1.02 + FIRST_SLACK;
        return (int) Math.min(size + more, Math.min((double) size * MAX_GROWTH, Integer.MAX_VALUE - 16));
    }

    /** How many times its rows a table may reserve in one step (a long run still takes only a few steps). */
    private static final int MAX_GROWTH = 4;

    private static final int FIRST_SLACK = 64;

    /**
     * Joins the runs of the part of the log that follows this one's, as if its lines had come here:
     * a pid's first run there continues this part's latest run of that pid unless its
     * {@code elapsed_time} goes back; its other runs are new. {@code lineOffset} is the number of lines
     * before {@code next}'s first in the same file.
     */
    void append(RunTables next, long lineOffset) {
        for (SampleTable t : next.tables) {
            // A pid's later runs in next went back from its earlier one, so they go back from what
            // that one was appended to as well: only a first run can continue.
            SampleTable before = current.get(t.pid());
            if (before != null && !(t.firstElapsed() < before.lastElapsed())) {
                before.append(t);
                continue;
            }
            t.renumber(before == null ? 1 : before.run() + 1);
            current.put(t.pid(), t);
            tables.add(t);
        }
        last = null;
        samples += next.samples;
        seenBytes += next.seenBytes;
        malformed.addAll(next.malformed, file, lineOffset);
    }

    List<SampleTable> tables() {
        return tables;
    }

    MalformedLines malformed() {
        return malformed;
    }

    /** Returns the sample lines used so far. */
    int samples() {
        return samples;
    }
}
