package dev.procmon.cli;

import dev.procmon.plot.PhaseSummary;
import dev.procmon.plot.RunSummary;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/** What a budget limits, how it is measured on a run and on a phase, and what the log needs for it. */
// ImmutableEnumChecker: the constants hold stateless method references, immutable in fact.
@SuppressWarnings("ImmutableEnumChecker")
enum Metric {
    RSS("max-rss", "peak RSS", true, "memory_info.rss", RunSummary::peakRssBytes, PhaseSummary::rssPeakBytes),
    HEAP(
            "max-heap",
            "heap peak",
            true,
            "jvm.heap_used (written only when the monitor samples its own JVM)",
            RunSummary::heapPeakBytes,
            PhaseSummary::heapPeakBytes),
    CPU("max-cpu", "CPU time", false, "cpu_times", RunSummary::cpuSeconds, PhaseSummary::cpuSeconds),
    DURATION(
            "max-duration",
            "duration",
            false,
            "elapsed_time",
            RunSummary::durationSeconds,
            PhaseSummary::durationSeconds),
    GC_TIME(
            "max-gc-time",
            "GC time",
            false,
            "jvm.gc_time (written only when the monitor samples its own JVM)",
            RunSummary::gcTimeSeconds,
            PhaseSummary::gcTimeSeconds),
    /** Phases only: what a phase left behind (RSS at its end minus at its start). */
    RSS_CHANGE("max-rss-change", "RSS change", true, "memory_info.rss", null, PhaseSummary::rssChangeBytes);

    private final String key;
    private final String label;
    private final boolean bytes;
    private final String logField;
    private final @Nullable ToDoubleFunction<RunSummary> ofRun;
    private final ToDoubleFunction<PhaseSummary> ofPhase;

    Metric(
            String key,
            String label,
            boolean bytes,
            String logField,
            @Nullable ToDoubleFunction<RunSummary> ofRun,
            ToDoubleFunction<PhaseSummary> ofPhase) {
        this.key = key;
        this.label = label;
        this.bytes = bytes;
        this.logField = logField;
        this.ofRun = ofRun;
        this.ofPhase = ofPhase;
    }

    /** Returns the budget's name in {@code --phase NAME:KEY=VALUE} and, with {@code --}, as an option. */
    String key() {
        return key;
    }

    /** Returns e.g. {@code peak RSS}. */
    String label() {
        return label;
    }

    boolean isBytes() {
        return bytes;
    }

    /** Returns the log field the metric needs, for the message when the log lacks it. */
    String logField() {
        return logField;
    }

    boolean appliesToRun() {
        return ofRun != null;
    }

    double of(RunSummary s) {
        if (ofRun == null) {
            throw new IllegalStateException(key + " is a phase metric only");
        }
        return ofRun.applyAsDouble(s);
    }

    double of(PhaseSummary p) {
        return ofPhase.applyAsDouble(p);
    }

    /** Parses a budget value: a size for byte metrics, seconds otherwise. */
    double parse(String value) {
        if (bytes) {
            return ByteSize.parse(value);
        }
        return Seconds.parse(value);
    }

    String format(double v) {
        return bytes ? ByteSize.format(v) : Seconds.format(v);
    }

    static @Nullable Metric ofKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        return null;
    }
}
