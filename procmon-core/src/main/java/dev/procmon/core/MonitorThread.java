package dev.procmon.core;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The ProcMon thread and its shutdown hook: a daemon (it never keeps the JVM alive), started with
 * the hook in place, and waited for with a bound. Nothing here throws into the caller.
 */
final class MonitorThread {

    static final String NAME = "ProcMon";

    private final Thread thread;
    private final Thread hook;

    MonitorThread(Runnable loop, Runnable onShutdown) {
        thread = new Thread(loop, NAME);
        thread.setDaemon(true);
        // The last line of defence: whatever still escapes the loop (an OutOfMemoryError thrown again
        // while it reports the first) ends the thread here, never in the host's default handler.
        thread.setUncaughtExceptionHandler(MonitorThread::swallow);
        hook = new Thread(onShutdown, NAME + "-shutdown");
    }

    /** Registers the hook and starts the thread; if the thread cannot start, the hook is removed again. */
    void start() {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting: the monitor still writes its lines until closed.
        }
        try {
            thread.start();
        } catch (Throwable e) {
            removeHook();
            throw e;
        }
    }

    private static void swallow(Thread t, Throwable e) {
        GuardedLog.debug("procmon: the ProcMon thread ended with {}", GuardedLog.describe(e));
    }

    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    /**
     * Wakes the thread and waits for it to end, keeping the caller's interrupt status.
     *
     * @param giveUp checked between short waits: true ends the wait at once (the thread will not end)
     * @return whether the thread ended by the deadline
     */
    boolean awaitEnd(long deadlineNanos, BooleanSupplier giveUp) {
        LockSupport.unpark(thread);
        return join(thread, deadlineNanos, giveUp);
    }

    /**
     * Runs {@code work} on a daemon thread of its own and waits for it until the deadline: for work
     * that calls the sink from the shutdown hook, where the sink may never return (it calls
     * {@code System.exit} again, which blocks a hook for ever, or waits for a lock that the thread
     * blocked in {@code System.exit} holds) and the hook must still end.
     *
     * @return whether the work ended by the deadline
     */
    static boolean runBounded(Runnable work, long deadlineNanos) {
        Thread worker = new Thread(work, NAME + "-stop");
        worker.setDaemon(true);
        worker.setUncaughtExceptionHandler(MonitorThread::swallow);
        worker.start();
        return join(worker, deadlineNanos, () -> false);
    }

    private static boolean join(Thread t, long deadlineNanos, BooleanSupplier giveUp) {
        boolean interrupted = false;
        try {
            while (t.isAlive()) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0 || giveUp.getAsBoolean()) {
                    return false;
                }
                try {
                    t.join(Math.max(1, Math.min(10, remaining / 1_000_000)));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether the thread is blocked inside {@code System.exit} (a sink called it): it will never
     * return, since the exit waits for the shutdown hook that waits for it. Walks its stack, so it
     * is asked only while the thread is inside the sink and not running.
     */
    boolean isExiting() {
        Thread.State state = thread.getState();
        if (state == Thread.State.RUNNABLE || state == Thread.State.TERMINATED) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if ("java.lang.Shutdown".equals(frame.getClassName())) {
                return true;
            }
        }
        return false;
    }

    void interrupt() {
        thread.interrupt();
    }

    /** Removes the hook unless the JVM is already running it. */
    void removeHook() {
        if (Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Already exiting: the hook will find the monitor closed.
        }
    }
}
