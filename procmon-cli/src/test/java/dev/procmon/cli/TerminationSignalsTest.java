package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * What a recording does to this JVM's signal handlers: replaces SIGINT's and SIGTERM's while it runs
 * and puts the previous ones back. (Delivery of real signals: {@link RecordSignalIT}.)
 */
class TerminationSignalsTest {

    private static final Class<?> SIGNAL;
    private static final Class<?> HANDLER;
    private static final Method HANDLE;

    static {
        try {
            SIGNAL = Class.forName("sun.misc.Signal");
            HANDLER = Class.forName("sun.misc.SignalHandler");
            HANDLE = SIGNAL.getMethod("handle", SIGNAL, HANDLER);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The handler installed for {@code name} now (swapped out for an instant and put back). */
    private static Object current(String name) throws Exception {
        Object signal = SIGNAL.getConstructor(String.class).newInstance(name);
        Object probe = Proxy.newProxyInstance(
                TerminationSignalsTest.class.getClassLoader(),
                new Class<?>[] {HANDLER},
                (proxy, method, args) -> method.getName().equals("hashCode") ? 0 : null);
        Object installed = HANDLE.invoke(null, signal, probe);
        HANDLE.invoke(null, signal, installed);
        return unwrapped(installed);
    }

    /**
     * sun.misc.Signal hands the JVM's own handlers out in a new wrapper each time; the wrapped handler
     * keeps its identity (sun.misc is open to reflection: module jdk.unsupported opens it).
     */
    private static Object unwrapped(Object handler) throws Exception {
        if (!handler.getClass().getName().startsWith("sun.misc.")) {
            return handler;
        }
        java.lang.reflect.Field wrapped = handler.getClass().getDeclaredField("iHandler");
        wrapped.setAccessible(true);
        return wrapped.get(handler);
    }

    @Test
    void theHandlersAreReplacedWhileTrappedAndPutBackWhenClosed() throws Exception {
        for (String name : new String[] {"INT", "TERM"}) {
            Object before = current(name);
            TerminationSignals trapped = TerminationSignals.trap(n -> {});
            try {
                assertThat(current(name)).as(name).isNotSameAs(before);
                assertThat(Proxy.isProxyClass(current(name).getClass())).isTrue();
            } finally {
                trapped.close();
            }
            assertThat(current(name)).as(name).isSameAs(before);
            trapped.close(); // idempotent
            assertThat(current(name)).as(name).isSameAs(before);
        }
    }

    @Test
    void nothingIsCaughtWhenNotAsked() throws Exception {
        Object before = current("TERM");
        TerminationSignals.NONE.close();
        assertThat(current("TERM")).isSameAs(before);
    }
}
