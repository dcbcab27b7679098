package dev.procmon.core;

/**
 * The failure policy of the monitor's output, as a decorator: a write that throws anything is
 * swallowed and reported once (through {@link GuardedLog}, itself guarded), and the next line is
 * tried again. Once {@link #shut()} (after the STOP line, or by a {@code close()} that gave up on a
 * stuck thread) nothing more reaches the sink, so nothing is written after {@code close()} returns.
 */
final class GuardedSink {

    private final LineSink sink;
    private boolean warned;
    private volatile boolean shut;
    /** The ProcMon thread is inside the sink's write (maybe blocked in a System.exit it called). */
    private volatile boolean writing;
    /** Lines the sink refused; written by the writing thread only, volatile for readers. */
    private volatile long failed;

    GuardedSink(LineSink sink) {
        this.sink = sink;
    }

    // NonAtomicVolatileUpdate: failed has one writer, the writing thread; volatile only publishes it.
    @SuppressWarnings("NonAtomicVolatileUpdate")
    void write(CharSequence line) {
        if (shut) {
            return;
        }
        writing = true;
        try {
            sink.write(line);
        } catch (Throwable e) {
            failed++;
            if (!warned) {
                warned = true;
                GuardedLog.warn(
                        "procmon: cannot write a sample line ({}); will keep trying, this is reported once",
                        GuardedLog.describe(e));
            }
        } finally {
            writing = false;
        }
    }

    /** Returns how many lines the sink refused so far. */
    long failed() {
        return failed;
    }

    boolean writing() {
        return writing;
    }

    boolean isShut() {
        return shut;
    }

    /** Lets nothing more through. */
    void shut() {
        shut = true;
    }

    /** Shuts and closes the sink; never throws. */
    void close() {
        shut = true;
        try {
            sink.close();
        } catch (Throwable e) {
            GuardedLog.debug("procmon: closing the sink failed: {}", GuardedLog.describe(e));
        }
    }
}
