package dev.procmon.plot;

import org.jspecify.annotations.Nullable;

/**
 * Tells a running {@link LogPlotter#plot} to stop reading (e.g. from a SIGINT/SIGTERM shutdown hook)
 * and plot what it has. A read blocked on a pipe or device that never ends is woken by interrupting
 * the reading thread: logs are read through interruptible channels.
 */
public final class StopSignal {

    private @Nullable Thread reader;
    private boolean stopped;
    private boolean readAll;

    /**
     * Stops reading now (idempotent); the plot goes on with the samples read so far.
     *
     * @return true if a plot will follow (a read was under way or done); false if reading had not
     *     begun (e.g. still opening a pipe nobody writes to), so there is nothing to wait for
     */
    public synchronized boolean stop() {
        stopped = true;
        if (reader != null) {
            reader.interrupt();
            return true;
        }
        return readAll;
    }

    /** Reading is complete; what follows is writing the outputs. */
    synchronized void readingDone() {
        readAll = true;
    }

    /** Returns true once {@link #stop()} was called. */
    public synchronized boolean stopped() {
        return stopped;
    }

    /** Returns false if stopped already; else the calling thread is the one to interrupt. */
    synchronized boolean beginRead() {
        if (stopped) {
            return false;
        }
        reader = Thread.currentThread();
        return true;
    }

    /** Reading is over: no more interrupts, and one that came in is cleared so the outputs can be written. */
    synchronized void endRead() {
        reader = null;
        Thread.interrupted();
    }
}
