package dev.procmon.plot;

/** One parsed sample line; a reused holder, so the parser allocates nothing per line but the label. */
final class Sample {

    static final long NO_TIMESTAMP = Long.MIN_VALUE;

    long pid;
    boolean hasPid;
    double elapsed;
    double rss;
    double pfaults;
    double user;
    double system;
    double heapUsed;
    /** Local wall-clock time as microseconds since 1970-01-01T00:00 (as if UTC), or {@link #NO_TIMESTAMP}. */
    long timestampMicros;
    String label;

    void reset() {
        pid = 0;
        hasPid = false;
        elapsed = Double.NaN;
        rss = Double.NaN;
        pfaults = Double.NaN;
        user = Double.NaN;
        system = Double.NaN;
        heapUsed = Double.NaN;
        timestampMicros = NO_TIMESTAMP;
        label = null;
    }
}
