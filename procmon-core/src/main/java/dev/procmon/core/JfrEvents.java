package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jfr.Percentage;
import jdk.jfr.Timespan;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

/**
 * The events of a JFR recording that procmon plots, read with the JDK's own reader and kept as small
 * points sorted by time (a recording is ordered per chunk and thread buffer, not globally). Every
 * other event (execution samples, allocations...) is skipped as it is read.
 */
final class JfrEvents {

    static final String CPU_LOAD = "jdk.CPULoad";
    static final String HEAP_SUMMARY = "jdk.GCHeapSummary";
    static final String THREAD_STATISTICS = "jdk.JavaThreadStatistics";
    static final String RESIDENT_SET_SIZE = "jdk.ResidentSetSize";
    static final String GARBAGE_COLLECTION = "jdk.GarbageCollection";
    static final String PROCESS_SAMPLE = "profiler.ProcessSample";
    static final String JVM_INFORMATION = "jdk.JVMInformation";
    static final String CPU_INFORMATION = "jdk.CPUInformation";

    enum Kind {
        CPU,
        HEAP,
        THREADS,
        RSS,
        GC,
        PROCESS
    }

    /**
     * One reading: what {@code a}..{@code d} hold depends on the kind (CPU: user and system load as a
     * fraction of the machine; HEAP: used, committed; THREADS: count; RSS: bytes; GC: sum of pauses
     * and longest pause in ms, text the collector and cause; PROCESS: rss, user s, system s, faults
     * with {@code pid} and {@code e} major faults).
     */
    record Point(
            long epochNanos,
            Kind kind,
            long pid,
            double a,
            double b,
            double c,
            double d,
            double e,
            @Nullable String text) {}

    final List<Point> points = new ArrayList<>();
    final Set<String> seen = new LinkedHashSet<>();
    long pid = -1;
    long jvmStartEpochNanos = -1;
    int hardwareThreads = -1;

    static JfrEvents read(Path file) throws IOException {
        JfrEvents events = new JfrEvents();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                events.add(recording.readEvent());
            }
        }
        events.points.sort(Comparator.comparingLong(Point::epochNanos));
        return events;
    }

    private void add(RecordedEvent e) {
        String type = e.getEventType().getName();
        long t = nanos(e.getStartTime());
        switch (type) {
            case CPU_LOAD -> point(t, Kind.CPU, e.getFloat("jvmUser"), e.getFloat("jvmSystem"), 0, 0, null);
            case HEAP_SUMMARY ->
                point(
                        t,
                        Kind.HEAP,
                        (double) e.getLong("heapUsed"),
                        (double) e.getLong("heapSpace.committedSize"),
                        0,
                        0,
                        null);
            case THREAD_STATISTICS -> point(t, Kind.THREADS, (double) e.getLong("activeCount"), 0, 0, 0, null);
            case RESIDENT_SET_SIZE -> point(t, Kind.RSS, (double) e.getLong("size"), 0, 0, 0, null);
            case GARBAGE_COLLECTION ->
                point(
                        t,
                        Kind.GC,
                        millis(e.getDuration("sumOfPauses")),
                        millis(e.getDuration("longestPause")),
                        0,
                        0,
                        e.getString("name") + " (" + e.getString("cause") + ")");
            case PROCESS_SAMPLE ->
                points.add(new Point(
                        t,
                        Kind.PROCESS,
                        (long) number(e, "pid"),
                        number(e, "vmRss"),
                        cpuSeconds(e, "cpuUser"),
                        cpuSeconds(e, "cpuSystem"),
                        number(e, "minorFaults") + number(e, "majorFaults"),
                        number(e, "majorFaults"),
                        null));
            case JVM_INFORMATION -> {
                pid = e.hasField("pid") ? e.getLong("pid") : pid;
                jvmStartEpochNanos = nanos(e.getInstant("jvmStartTime"));
            }
            case CPU_INFORMATION -> hardwareThreads = e.getInt("hwThreads");
            default -> {
                return;
            }
        }
        seen.add(type);
    }

    private void point(long t, Kind kind, double a, double b, double c, double d, @Nullable String text) {
        points.add(new Point(t, kind, -1, a, b, c, d, 0, text));
    }

    private static long nanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static double number(RecordedEvent e, String field) {
        Object v = e.hasField(field) ? e.getValue(field) : null;
        return v instanceof Number n ? n.doubleValue() : -1;
    }

    /**
     * A CPU time field of async-profiler's sample in seconds, by its JFR annotations: a timespan in
     * its unit, or seconds when unannotated; a percentage is not a cumulative time and is left out.
     */
    private static double cpuSeconds(RecordedEvent e, String field) {
        ValueDescriptor d = e.getEventType().getField(field);
        if (d == null || d.getAnnotation(Percentage.class) != null) {
            return -1;
        }
        double v = number(e, field);
        Timespan unit = d.getAnnotation(Timespan.class);
        if (unit == null || v < 0) {
            return v;
        }
        return switch (unit.value()) {
            case Timespan.NANOSECONDS -> v / 1e9;
            case Timespan.MICROSECONDS -> v / 1e6;
            case Timespan.MILLISECONDS -> v / 1e3;
            default -> v;
        };
    }
}
