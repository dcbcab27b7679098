package dev.procmon.core;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a JDK Flight Recorder file into procmon log lines, so every reader and plot of a log works
 * for it: process CPU from {@code jdk.CPULoad} (a load, integrated into cumulative CPU seconds),
 * heap used before and after each GC ({@code jdk.GCHeapSummary}), live threads, RSS from
 * {@code jdk.ResidentSetSize} (JDK 21+) or async-profiler's {@code profiler.ProcessSample} (which
 * also gives other processes, each its own pid), and GC pauses of at least a threshold as labels.
 */
public final class JfrLog {

    /**
     * What one conversion wrote.
     *
     * @param pid the recorded JVM's pid, or -1 if the recording does not say
     * @param lines lines written
     * @param labels of which carry a label (long GC pauses)
     * @param lacking what the recording did not have, one phrase each, for the user
     */
    public record Conversion(long pid, int lines, int labels, List<String> lacking) {}

    private JfrLog() {}

    /**
     * Reads {@code jfr} and writes its lines to {@code out}.
     *
     * @param pauseLabel GC pauses at least this long become labels
     * @throws IOException if the file cannot be read or is not a JFR recording
     */
    public static Conversion convert(Path jfr, Writer out, Duration pauseLabel) throws IOException {
        JfrEvents events = JfrEvents.read(jfr);
        return new JfrLines(events, out, pauseLabel.toNanos() / 1e6, new SampleLineWriter(ZoneId.systemDefault()))
                .write(lacking(events));
    }

    private static List<String> lacking(JfrEvents e) {
        List<String> lacking = new ArrayList<>();
        if (!e.seen.contains(JfrEvents.RESIDENT_SET_SIZE) && !e.seen.contains(JfrEvents.PROCESS_SAMPLE)) {
            lacking.add(
                    "RSS (jdk.ResidentSetSize is recorded by JDK 21+; async-profiler's profiler.ProcessSample also has it)");
        }
        if (!e.seen.contains(JfrEvents.CPU_LOAD)) {
            lacking.add("CPU (no jdk.CPULoad events)");
        } else if (e.hardwareThreads <= 0) {
            lacking.add("the CPU count (no jdk.CPUInformation; CPU % assumes one CPU)");
        }
        if (!e.seen.contains(JfrEvents.HEAP_SUMMARY)) {
            lacking.add("heap (no jdk.GCHeapSummary: no GC in the recording, or the event was off)");
        }
        if (!e.seen.contains(JfrEvents.THREAD_STATISTICS)) {
            lacking.add("thread counts (no jdk.JavaThreadStatistics)");
        }
        if (e.pid < 0) {
            lacking.add("the pid (no jdk.JVMInformation; written as 0)");
        }
        return lacking;
    }

    /** For a one-line summary: {@code lacked: RSS (...), CPU (...)} or {@code complete}. */
    public static String describe(Conversion c) {
        String what = String.format(
                Locale.ROOT, "JFR recording of pid %d, %d lines, %d GC pause labels", c.pid(), c.lines(), c.labels());
        return c.lacking().isEmpty() ? what : what + "; lacked " + String.join(", ", c.lacking());
    }
}
