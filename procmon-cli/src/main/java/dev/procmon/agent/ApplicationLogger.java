package dev.procmon.agent;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * The application's own SLF4J logger, reached by reflection through the system class loader: the
 * SLF4J inside procmon.jar is relocated, so the lines would otherwise go to procmon's private copy.
 * Resolved when the first line is written (the application's logging is initialised then, as by its
 * own first log call).
 */
final class ApplicationLogger implements Consumer<String> {

    static final String DEFAULT_NAME = "procmon";

    /** Spelt at run time: the shade plugin rewrites string constants naming relocated packages. */
    private static final String FACTORY = String.join(".", "org", "slf4j", "LoggerFactory");

    private static final String LOGGER = String.join(".", "org", "slf4j", "Logger");

    private final String name;
    private final String method;
    private final ClassLoader loader;
    private @Nullable MethodHandle log;

    private ApplicationLogger(String name, String method, ClassLoader loader) {
        this.name = name;
        this.method = method;
        this.loader = loader;
    }

    /**
     * The application's logger {@code name} at {@code level}.
     *
     * @throws IllegalArgumentException when the application has no SLF4J on its class path
     */
    static ApplicationLogger find(String name, Level level) {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        try {
            Class.forName(FACTORY, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("the application has no SLF4J on its class path; give file=PATH");
        }
        return new ApplicationLogger(name, level.name().toLowerCase(Locale.ROOT), loader);
    }

    @Override
    public void accept(String line) {
        try {
            if (log == null) {
                Class<?> factory = Class.forName(FACTORY, true, loader);
                Class<?> logger = Class.forName(LOGGER, true, loader);
                Object instance = factory.getMethod("getLogger", String.class).invoke(null, name);
                log = MethodHandles.publicLookup()
                        .findVirtual(logger, method, MethodType.methodType(void.class, String.class))
                        .bindTo(instance);
            }
            log.invoke(line);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot log through the application's SLF4J: " + e, e);
        }
    }
}
