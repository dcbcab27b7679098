package dev.procmon.cli;

/**
 * A JVM shutdown hook for as long as it is open: {@link #close()} removes it again. Both ends
 * tolerate a JVM that is already shutting down (a hook cannot then be added or removed; whoever is
 * exiting runs or has run it).
 */
final class ShutdownHook implements AutoCloseable {

    private final Thread thread;
    private final boolean registered;

    private ShutdownHook(Thread thread, boolean registered) {
        this.thread = thread;
        this.registered = registered;
    }

    /** Registers {@code action} to run, on a thread named {@code name}, when the JVM shuts down. */
    static ShutdownHook register(String name, Runnable action) {
        Thread thread = new Thread(action, name);
        try {
            Runtime.getRuntime().addShutdownHook(thread);
            return new ShutdownHook(thread, true);
        } catch (IllegalStateException shuttingDown) {
            return new ShutdownHook(thread, false);
        }
    }

    /** Whether the JVM took the hook (false if it was already shutting down). */
    boolean registered() {
        return registered;
    }

    /** Removes the hook; a no-op on the hook's own thread, or once the JVM is shutting down. */
    @Override
    public void close() {
        if (!registered || Thread.currentThread() == thread) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run.
        }
    }
}
