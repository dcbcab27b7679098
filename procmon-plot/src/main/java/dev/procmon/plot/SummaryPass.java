package dev.procmon.plot;

import dev.procmon.core.LogField;
import dev.procmon.core.LogFormat;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Computes a {@link RunSummary} in one pass over a table's samples. The spans open at a sample
 * (phases, or the current label interval) take its RSS and heap into their peaks; a label line then
 * opens or closes spans at that sample. Phases nest: an end closes the most recent open start of the
 * same name; an end without a start is ignored; what is still open at the last sample ends there.
 */
final class SummaryPass {

    static final String PHASE_START = LogFormat.PHASE_START;
    static final String PHASE_END = LogFormat.PHASE_END;

    /** One span being measured. */
    private static final class Span {
        final String name;
        final int depth;
        final int start;
        int end = -1;
        boolean closed;
        double rssPeak = Double.NaN;
        double heapPeak = Double.NaN;

        Span(String name, int depth, int start) {
            this.name = name;
            this.depth = depth;
            this.start = start;
        }
    }

    private final SampleTable t;
    private final DoubleColumn elapsed;
    private final DoubleColumn rss;
    private final DoubleColumn heapUsed;
    private final DoubleColumn user;
    private final DoubleColumn system;
    private final DoubleColumn childrenUser;
    private final DoubleColumn childrenSystem;
    private final DoubleColumn gcTime;
    private final DoubleColumn readBytes;
    private final DoubleColumn writeBytes;

    private SummaryPass(SampleTable t) {
        this.t = t;
        elapsed = t.column(LogField.ELAPSED_TIME);
        rss = t.column(LogField.RSS);
        heapUsed = t.column(LogField.HEAP_USED);
        user = t.column(LogField.USER);
        system = t.column(LogField.SYSTEM);
        childrenUser = t.column(LogField.CHILDREN_USER);
        childrenSystem = t.column(LogField.CHILDREN_SYSTEM);
        gcTime = t.column(LogField.GC_TIME);
        readBytes = t.column(LogField.READ_BYTES);
        writeBytes = t.column(LogField.WRITE_BYTES);
    }

    static RunSummary summarise(SampleTable table) {
        return new SummaryPass(table).run();
    }

    private RunSummary run() {
        int n = t.size();
        List<SampleTable.Label> labels = t.labels();
        boolean phases = hasPhases(labels);
        List<Span> spans = new ArrayList<>();
        Deque<Span> open = new ArrayDeque<>();
        int nextLabel = 0;
        double rssPeak = Double.NaN;
        int rssPeakAt = -1;
        double heapPeak = Double.NaN;
        int heapPeakAt = -1;
        int lastCpu = -1;
        for (int i = 0; i < n; i++) {
            double rss = this.rss.get(i);
            double heap = heapUsed.get(i);
            if (rss > rssPeak || (Double.isNaN(rssPeak) && !Double.isNaN(rss))) {
                rssPeak = rss;
                rssPeakAt = i;
            }
            if (heap > heapPeak || (Double.isNaN(heapPeak) && !Double.isNaN(heap))) {
                heapPeak = heap;
                heapPeakAt = i;
            }
            if (!Double.isNaN(cpu(i))) {
                lastCpu = i;
            }
            for (Span s : open) {
                s.rssPeak = max(s.rssPeak, rss);
                s.heapPeak = max(s.heapPeak, heap);
            }
            for (; nextLabel < labels.size() && labels.get(nextLabel).index() == i; nextLabel++) {
                SampleTable.Label l = labels.get(nextLabel);
                if (phases) {
                    phaseLine(l, i, open, spans);
                } else {
                    // Label intervals: each label ends the previous interval and starts its own.
                    Span previous = open.poll();
                    if (previous != null) {
                        previous.end = i;
                        previous.closed = true;
                    }
                    open(new Span(l.text(), 0, i), rss, heap, open, spans);
                }
            }
        }
        for (Span s : open) {
            s.end = n - 1;
        }
        List<PhaseSummary> out = new ArrayList<>(spans.size());
        PhaseSummary.Kind kind = phases ? PhaseSummary.Kind.PHASE : PhaseSummary.Kind.LABEL_INTERVAL;
        for (Span s : spans) {
            out.add(phase(s, kind));
        }
        int last = n - 1;
        double cpuTotal = lastCpu < 0 ? Double.NaN : cpu(lastCpu);
        double cpuAge = lastCpu < 0 ? Double.NaN : elapsed.get(lastCpu);
        long stamp = rssPeakAt < 0 ? Sample.NO_TIMESTAMP : t.timestamp.get(rssPeakAt);
        return new RunSummary(
                t.pid(),
                t.run(),
                n,
                labels.size(),
                elapsed.get(0),
                elapsed.get(last),
                rssPeak,
                rssPeakAt < 0 ? Double.NaN : elapsed.get(rssPeakAt),
                time(stamp),
                cpuTotal,
                percent(cpuTotal, cpuAge),
                heapPeak,
                heapPeakAt < 0 ? Double.NaN : elapsed.get(heapPeakAt),
                lastKnown(gcTime),
                lastKnown(readBytes),
                lastKnown(writeBytes),
                out);
    }

    private static boolean hasPhases(List<SampleTable.Label> labels) {
        for (SampleTable.Label l : labels) {
            if (isPhase(l)) {
                return true;
            }
        }
        return false;
    }

    /** A label line with {@code phase: start} or {@code end}; any other value makes an ordinary label. */
    static boolean isPhase(SampleTable.Label l) {
        return PHASE_START.equals(l.phase()) || PHASE_END.equals(l.phase());
    }

    private void phaseLine(SampleTable.Label l, int i, Deque<Span> open, List<Span> spans) {
        if (PHASE_START.equals(l.phase())) {
            open(new Span(l.text(), open.size(), i), rss.get(i), heapUsed.get(i), open, spans);
        } else if (PHASE_END.equals(l.phase())) {
            for (Iterator<Span> it = open.iterator(); it.hasNext(); ) { // most recent first
                Span s = it.next();
                if (s.name.equals(l.text())) {
                    s.end = i;
                    s.closed = true;
                    it.remove();
                    return;
                }
            }
        }
    }

    private static void open(Span s, double rss, double heap, Deque<Span> open, List<Span> spans) {
        s.rssPeak = rss;
        s.heapPeak = heap;
        open.push(s);
        spans.add(s);
    }

    private PhaseSummary phase(Span s, PhaseSummary.Kind kind) {
        double start = elapsed.get(s.start);
        double duration = elapsed.get(s.end) - start;
        double cpu = cpu(s.end) - cpu(s.start);
        return new PhaseSummary(
                s.name,
                kind,
                s.depth,
                s.closed,
                start,
                duration,
                cpu,
                percent(cpu, duration),
                rss.get(s.start),
                s.rssPeak,
                rss.get(s.end),
                s.heapPeak,
                delta(gcTime, s),
                delta(readBytes, s),
                delta(writeBytes, s));
    }

    /** The CPU time at sample {@code i}, as {@link CpuTime} defines it. */
    double cpu(int i) {
        return CpuTime.total(user.get(i), system.get(i), childrenUser.get(i), childrenSystem.get(i));
    }

    private static double delta(DoubleColumn c, Span s) {
        return c.get(s.end) - c.get(s.start);
    }

    private double lastKnown(DoubleColumn c) {
        for (int i = t.size() - 1; i >= 0; i--) {
            if (!Double.isNaN(c.get(i))) {
                return c.get(i);
            }
        }
        return Double.NaN;
    }

    private static double max(double peak, double v) {
        return Double.isNaN(peak) || v > peak ? v : peak;
    }

    private static double percent(double cpu, double seconds) {
        return seconds > 0 ? cpu / seconds * 100 : Double.NaN;
    }

    private static @Nullable LocalDateTime time(long micros) {
        return micros == Sample.NO_TIMESTAMP
                ? null
                : LocalDateTime.ofEpochSecond(
                        Math.floorDiv(micros, 1_000_000L),
                        (int) Math.floorMod(micros, 1_000_000L) * 1000,
                        ZoneOffset.UTC);
    }
}
