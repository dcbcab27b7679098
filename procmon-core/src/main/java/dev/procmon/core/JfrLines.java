package dev.procmon.core;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the lines of a {@link JfrEvents}: one per CPU load and per heap summary (before and after
 * each GC), one per long GC pause carrying its label, one per other process's sample; thread counts
 * and RSS join the next line (they get lines of their own only when there is no CPU load). Each line
 * carries the JVM's state as of its time, as a live monitor's line would.
 */
final class JfrLines {

    private final JfrEvents events;
    private final Writer out;
    private final double pauseMillis;
    private final SampleLineWriter writer;
    private final ProcessReading jvm = new ProcessReading();
    private final Map<Long, ProcessReading> others = new HashMap<>();
    private final long[] cpuTimes;
    private final double[] cpuUser;
    private final double[] cpuSystem;
    private final long firstNanos;
    private @Nullable String pending;
    private final List<String> waitingLabels = new java.util.ArrayList<>();
    private int lines;
    private int labels;

    JfrLines(JfrEvents events, Writer out, double pauseMillis, SampleLineWriter writer) {
        this.events = events;
        this.out = out;
        this.pauseMillis = pauseMillis;
        this.writer = writer;
        List<JfrEvents.Point> cpu = events.points.stream()
                .filter(p -> p.kind() == JfrEvents.Kind.CPU)
                .toList();
        cpuTimes = new long[cpu.size()];
        cpuUser = new double[cpu.size()];
        cpuSystem = new double[cpu.size()];
        // A load covers the period since the previous one: cumulative CPU seconds at each load's time.
        double cpus = Math.max(1, events.hardwareThreads);
        for (int i = 0; i < cpu.size(); i++) {
            cpuTimes[i] = cpu.get(i).epochNanos();
            double dt = i == 0 ? 0 : (cpuTimes[i] - cpuTimes[i - 1]) / 1e9;
            cpuUser[i] = (i == 0 ? 0 : cpuUser[i - 1]) + cpu.get(i).a() * cpus * dt;
            cpuSystem[i] = (i == 0 ? 0 : cpuSystem[i - 1]) + cpu.get(i).b() * cpus * dt;
        }
        firstNanos = events.points.isEmpty() ? 0 : events.points.get(0).epochNanos();
        jvm.pid = Math.max(0, events.pid);
        jvm.threads = -1;
    }

    JfrLog.Conversion write(List<String> lacking) throws IOException {
        boolean hasCpu = cpuTimes.length > 0;
        boolean hasRss = events.seen.contains(JfrEvents.RESIDENT_SET_SIZE);
        for (JfrEvents.Point p : events.points) {
            long t = p.epochNanos();
            switch (p.kind()) {
                case CPU -> emit(jvm, t, null);
                case HEAP -> {
                    jvm.hasJvm = true;
                    jvm.heapUsed = (long) p.a();
                    jvm.heapCommitted = (long) p.b();
                    emit(jvm, t, null);
                }
                case THREADS -> {
                    jvm.threads = (int) p.a();
                    emitUnless(hasCpu, t);
                }
                case RSS -> {
                    jvm.rssBytes = (long) p.a();
                    emitUnless(hasCpu, t);
                }
                case GC -> {
                    jvm.gcCount++;
                    jvm.gcMillis += Math.round(p.a());
                    if (p.b() >= pauseMillis) {
                        emit(jvm, t, String.format(Locale.ROOT, "GC pause %.0f ms: %s", p.b(), p.text()));
                    }
                }
                case PROCESS -> process(p, hasRss, hasCpu);
                default -> throw new IllegalStateException("unknown point " + p.kind());
            }
        }
        if (pending != null) {
            out.write(LogFormat.MARKER_STOP + pending.substring(LogFormat.MARKER.length()));
            out.write('\n');
        }
        return new JfrLog.Conversion(events.pid, lines, labels, lacking);
    }

    private void emitUnless(boolean hasCpu, long t) throws IOException {
        if (!hasCpu) {
            emit(jvm, t, null);
        }
    }

    private void process(JfrEvents.Point p, boolean hasRss, boolean hasCpu) throws IOException {
        boolean self = p.pid() == events.pid;
        ProcessReading s = self ? jvm : others.computeIfAbsent(p.pid(), pid -> new ProcessReading());
        s.pid = p.pid();
        if (!self || !hasRss) {
            s.rssBytes = (long) p.a();
        }
        s.pageFaults = (long) p.d();
        s.majorFaults = (long) p.e();
        if (!self) {
            s.userMicros = p.b() < 0 ? ProcessReading.UNKNOWN : Math.round(p.b() * 1e6);
            s.systemMicros = p.c() < 0 ? ProcessReading.UNKNOWN : Math.round(p.c() * 1e6);
        }
        if (!self || !hasCpu) {
            emit(s, p.epochNanos(), null);
        }
    }

    private void emit(ProcessReading s, long t, @Nullable String label) throws IOException {
        if (s == jvm && cpuTimes.length > 0) {
            s.userMicros = cpuMicros(cpuUser, t);
            s.systemMicros = cpuMicros(cpuSystem, t);
        }
        if (s.rssBytes < 0 && s.userMicros < 0 && !s.hasJvm) {
            // Nothing known yet (a GC before the first heap summary or CPU load): a line without a
            // figure is no sample, so its label waits for the next line that has one.
            if (label != null) {
                waitingLabels.add(label);
            }
            return;
        }
        if (s == jvm && !waitingLabels.isEmpty()) {
            List<String> waiting = List.copyOf(waitingLabels);
            waitingLabels.clear();
            for (String w : waiting) {
                emit(s, t, w);
            }
        }
        long start = s == jvm && events.jvmStartEpochNanos > 0 ? events.jvmStartEpochNanos : firstNanos;
        String line = writer.format(LogFormat.MARKER, s, Math.floorDiv(t, 1000), t - start, label, 0)
                .toString();
        if (pending != null) {
            out.write(pending);
            out.write('\n');
        } else {
            line = LogFormat.MARKER_START + line.substring(LogFormat.MARKER.length());
        }
        pending = line;
        lines++;
        if (label != null) {
            labels++;
        }
    }

    /** Cumulative CPU at {@code t}, interpolated between the loads around it; unknown before the first. */
    private long cpuMicros(double[] cumulative, long t) {
        if (t < cpuTimes[0]) {
            return ProcessReading.UNKNOWN;
        }
        int i = Arrays.binarySearch(cpuTimes, t);
        if (i >= 0) {
            return Math.round(cumulative[i] * 1e6);
        }
        int next = -i - 1;
        if (next >= cpuTimes.length) {
            // After the last load: the CPU used so far is known up to it (the mean needs the last line's).
            return Math.round(cumulative[cpuTimes.length - 1] * 1e6);
        }
        double f = (double) (t - cpuTimes[next - 1]) / (cpuTimes[next] - cpuTimes[next - 1]);
        return Math.round((cumulative[next - 1] + f * (cumulative[next] - cumulative[next - 1])) * 1e6);
    }
}
