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
    double childrenUser;
    double childrenSystem;
    double heapUsed;
    double gcTime;
    /** Local wall-clock time as microseconds since 1970-01-01T00:00 (as if UTC), or {@link #NO_TIMESTAMP}. */
    long timestampMicros;
    String label;
    /** {@code start} or {@code end} on a phase's label line, else null. */
    String phase;

    void reset() {
        pid = 0;
        hasPid = false;
        elapsed = Double.NaN;
        rss = Double.NaN;
        pfaults = Double.NaN;
        user = Double.NaN;
        system = Double.NaN;
        childrenUser = Double.NaN;
        childrenSystem = Double.NaN;
        heapUsed = Double.NaN;
        gcTime = Double.NaN;
        timestampMicros = NO_TIMESTAMP;
        label = null;
        phase = null;
    }
}
