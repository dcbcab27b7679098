package dev.procmon.core;

/**
 * The values of one sample, taken from a running monitor ({@link ProcessMonitor#latest()}): what a
 * metrics exporter serves. Values are in SI units (bytes, seconds, counts); {@link Double#NaN} where
 * the source could not know the value (another user's {@code /proc/<pid>/io}, a field not sampled).
 */
// EnumOrdinal: the log fields index flat per-sample arrays by ordinal on purpose (no boxing, no map on the hot path).
@SuppressWarnings("EnumOrdinal")
public final class MetricsSnapshot {

    private final long[] values;
    private final long epochMicros;
    private final long elapsedMicros;
    private final long pid;
    private final long peakRss;
    private final long labels;
    private final String lastLabel;

    MetricsSnapshot(
            long[] values,
            long epochMicros,
            long elapsedMicros,
            long pid,
            long peakRss,
            long labels,
            String lastLabel) {
        this.values = values;
        this.epochMicros = epochMicros;
        this.elapsedMicros = elapsedMicros;
        this.pid = pid;
        this.peakRss = peakRss;
        this.labels = labels;
        this.lastLabel = lastLabel;
    }

    /**
     * Returns its value in SI units (seconds for {@link FieldKind#SECONDS}), or NaN when unknown.
     * @param field a numeric field of the log schema
     */
    public double get(LogField field) {
        long raw = values[field.ordinal()];
        if (raw < 0 || !field.isNumber()) {
            return Double.NaN;
        }
        return field.kind() == FieldKind.SECONDS ? raw / 1e6 : raw;
    }

    /** Returns the sum of the known values among {@code fields}, or NaN when none is known. */
    public double sum(LogField... fields) {
        double sum = Double.NaN;
        for (LogField f : fields) {
            double v = get(f);
            if (!Double.isNaN(v)) {
                sum = Double.isNaN(sum) ? v : sum + v;
            }
        }
        return sum;
    }

    /** Returns when the sample was taken, seconds since 1970-01-01T00:00Z. */
    public double epochSeconds() {
        return epochMicros / 1e6;
    }

    /** Returns seconds the sampled process had been running when the sample was taken. */
    public double elapsedSeconds() {
        return elapsedMicros / 1e6;
    }

    /** Returns when the sampled process started, seconds since 1970-01-01T00:00Z. */
    public double processStartEpochSeconds() {
        return (epochMicros - elapsedMicros) / 1e6;
    }

    /** Returns the sampled process. */
    public long pid() {
        return pid;
    }

    /** Returns the largest RSS of any sample since the monitor started, bytes, or NaN when unknown. */
    public double peakRssBytes() {
        return peakRss < 0 ? Double.NaN : peakRss;
    }

    /** Returns the labels written since the monitor started. */
    public long labels() {
        return labels;
    }

    /** Returns the text of the last label written, or the empty string before the first. */
    public String lastLabel() {
        return lastLabel;
    }
}
