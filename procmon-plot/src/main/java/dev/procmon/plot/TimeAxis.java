package dev.procmon.plot;

/** What the x axis shows. */
public enum TimeAxis {
    /** Seconds since the process started ({@code elapsed_time}); the default. */
    ELAPSED,
    /** The wall-clock time of each sample ({@code timestamp}). */
    CLOCK
}
