package dev.procmon.plot;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The sample lines skipped as malformed: how many, where the first few are, and where the first one of
 * the file being read is (for the message when a file has no valid line at all).
 */
final class MalformedLines {

    /** How many locations are kept. */
    static final int KEPT = 5;

    private long count;
    private final List<String> files = new ArrayList<>(KEPT);
    private final long[] lines = new long[KEPT];
    private @Nullable String firstInFile;
    private @Nullable String fileOfFirst;

    /** One more malformed line, at {@code file:line}. */
    void add(String file, long line) {
        if (files.size() < KEPT) {
            lines[files.size()] = line;
            files.add(file);
        }
        if (!file.equals(fileOfFirst)) {
            fileOfFirst = file;
            firstInFile = file + ":" + line;
        }
        count++;
    }

    /**
     * Adds those of a part of {@code file} that starts after line {@code lineOffset}; {@code part}
     * counted its lines from 1 at its own start.
     */
    void addAll(MalformedLines part, String file, long lineOffset) {
        int kept = part.files.size();
        for (int i = 0; i < kept; i++) {
            add(file, lineOffset + part.lines[i]);
        }
        count += part.count - kept;
    }

    long count() {
        return count;
    }

    /** Returns {@code file:line} of the first few. */
    List<String> first() {
        List<String> where = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            where.add(files.get(i) + ":" + lines[i]);
        }
        return where;
    }

    /** Returns {@code file:line} of the first malformed line of {@code file}, or null if it has none so far. */
    @Nullable
    String firstIn(String file) {
        return file.equals(fileOfFirst) ? firstInFile : null;
    }
}
