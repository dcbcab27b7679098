package dev.procmon.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Catches SIGINT and SIGTERM for the length of a recording, so that the recording ends in order
 * (the command stopped, the STOP line written, the log closed, the plots drawn) on an ordinary thread
 * before the JVM begins to shut down. In a shutdown hook the same work races every other hook, and
 * libraries refuse work once shutdown has begun (ImageIO, asked to register its own hook, fails with
 * "Shutdown in progress"). The first signal is handed to the callback and the previous handlers are
 * put back, so a second Ctrl-C shuts the JVM down as usual (the recording's shutdown hook remains).
 *
 * <p>Through {@code sun.misc.Signal} (module jdk.unsupported, in every JDK since 9), reached by
 * reflection because javac cannot be told to accept that proprietary API without a warning, and the
 * build treats warnings as errors. Where it is missing or the JVM owns the signals ({@code -Xrs}),
 * nothing is caught and the shutdown hook does the work as before.
 */
final class TerminationSignals implements AutoCloseable {

    private static final String[] NAMES = {"INT", "TERM"};

    /** Catches nothing. */
    static final TerminationSignals NONE = new TerminationSignals(null, new Object[0], new Object[0]);

    private final @Nullable Method handle;
    private final Object[] signals;
    private final Object[] previous;
    private boolean restored;

    private TerminationSignals(@Nullable Method handle, Object[] signals, Object[] previous) {
        this.handle = handle;
        this.signals = signals;
        this.previous = previous;
    }

    /**
     * Routes SIGINT and SIGTERM to {@code onSignal} (with the signal's number, 2 or 15) until closed.
     * Never throws: if the signals cannot be caught, the result catches nothing.
     */
    static TerminationSignals trap(IntConsumer onSignal) {
        Object[] signals = new Object[NAMES.length];
        Object[] previous = new Object[NAMES.length];
        Method handle = null;
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Constructor<?> named = signalClass.getConstructor(String.class);
            Method number = signalClass.getMethod("getNumber");
            handle = signalClass.getMethod("handle", signalClass, handlerClass);
            TerminationSignals[] self = new TerminationSignals[1];
            Object handler = Proxy.newProxyInstance(
                    TerminationSignals.class.getClassLoader(),
                    new Class<?>[] {handlerClass},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            TerminationSignals trapped = self[0];
                            if (trapped != null) {
                                trapped.close();
                            }
                            onSignal.accept((Integer) number.invoke(args[0]));
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "procmon record signal handler";
                    });
            for (int i = 0; i < NAMES.length; i++) {
                signals[i] = named.newInstance(NAMES[i]);
                previous[i] = handle.invoke(null, signals[i], handler);
            }
            self[0] = new TerminationSignals(handle, signals, previous);
            return self[0];
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Put back whatever was already replaced; catch nothing.
            new TerminationSignals(handle, signals, previous).close();
            return new TerminationSignals(null, signals, previous);
        }
    }

    /** Puts the previous handlers back. Idempotent. */
    @Override
    public synchronized void close() {
        if (restored || handle == null) {
            return;
        }
        restored = true;
        for (int i = 0; i < signals.length; i++) {
            if (previous[i] != null) {
                try {
                    handle.invoke(null, signals[i], previous[i]);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // Nothing better to do: the JVM keeps our handler, which ignores later signals.
                }
            }
        }
    }
}
