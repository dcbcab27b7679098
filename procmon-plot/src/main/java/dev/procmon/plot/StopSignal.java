package dev.procmon.plot;

/**
 * Tells a running {@link LogPlotter#plot} to stop reading (e.g. from a SIGINT/SIGTERM shutdown hook)
 * and plot what it has. A read blocked on a pipe or device that never ends is woken by interrupting
 * the reading thread: logs are read through interruptible channels.
 */
public final class StopSignal {

    private Thread reader;
    private boolean stopped;

    /** Stops reading now (idempotent); the plot goes on with the samples read so far. */
    public synchronized void stop() {
        stopped = true;
        if (reader != null) {
            reader.interrupt();
        }
    }

    /** @return true once {@link #stop()} was called */
    public synchronized boolean stopped() {
        return stopped;
    }

    /** @return false if stopped already; else the calling thread is the one to interrupt */
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
