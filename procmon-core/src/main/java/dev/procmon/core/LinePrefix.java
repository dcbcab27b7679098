package dev.procmon.core;

import java.time.ZoneId;
import org.slf4j.event.Level;

/**
 * The layout TotalDepth's logging puts before the marker, {@code 2019-10-31 14:10:06,051 - - 86611 -
 * (ProcMon   ) - INFO     - }: local time to the millisecond, the writing process's id, the thread,
 * the level. Lines the monitor writes itself (file sink, stderr) start with it, so TotalDepth's
 * extractor, which needs at least one character before the marker, reads procmon's files too.
 * Allocation-free: the time goes through {@link LocalTimestampFormat}.
 */
final class LinePrefix {

    private final LocalTimestampFormat timestamps = new LocalTimestampFormat(ZoneId.systemDefault());
    private final String tail;

    LinePrefix(Level level) {
        String thread = (MonitorThread.NAME + "          ").substring(0, 10);
        String levelName = (level.name() + "        ").substring(0, 8);
        tail = " - - " + ProcessHandle.current().pid() + " - (" + thread + ") - " + levelName + " - ";
    }

    /** Appends the prefix for a line written at {@code epochMicros}. */
    void append(long epochMicros, StringBuilder out) {
        int start = out.length();
        timestamps.append(epochMicros, out);
        // yyyy-MM-dd HH:mm:ss.SSSSSS -> yyyy-MM-dd HH:mm:ss,SSS, as Python's logging writes it.
        out.setLength(out.length() - 3);
        out.setCharAt(start + 19, ',');
        out.append(tail);
    }
}
