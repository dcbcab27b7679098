package dev.procmon.core;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The failure policy of the readings, as a decorator: a sampler (or JVM view) that throws anything,
 * {@code Error}s included, is a failed reading, counted and reported once; the next tick tries
 * again. A process that has exited is how every recording of another process ends, so it is
 * reported at DEBUG, not WARN.
 */
final class GuardedSampler {

    private final Sampler sampler;
    private final @Nullable Consumer<ProcessReading> jvm;
    private boolean warnedSample;
    private boolean warnedJvm;
    /** Written by the sampling thread only; volatile so it is read without a lock. */
    private volatile long failures;

    /** @param jvm adds the JVM's figures to a reading, or null */
    GuardedSampler(Sampler sampler, @Nullable Consumer<ProcessReading> jvm) {
        this.sampler = sampler;
        this.jvm = jvm;
    }

    long pid() {
        return sampler.pid();
    }

    /** Takes the process reading; false (counted, reported once) when it could not be taken. */
    // NonAtomicVolatileUpdate: failures has one writer, the sampling thread; volatile only publishes it.
    @SuppressWarnings("NonAtomicVolatileUpdate")
    boolean sample(ProcessReading into) {
        try {
            into.clear();
            sampler.sample(into);
            return true;
        } catch (Throwable e) {
            failures++;
            if (!warnedSample) {
                warnedSample = true;
                if (e instanceof ProcessGoneException) {
                    GuardedLog.debug("procmon: pid {} has exited", sampler.pid());
                } else {
                    GuardedLog.warn(
                            "procmon: cannot sample pid {} ({}); will keep trying, this is reported once",
                            sampler.pid(),
                            GuardedLog.describe(e));
                }
            }
            return false;
        }
    }

    /** Adds the JVM's figures; a failure leaves the reading without them (reported once). */
    void addJvm(ProcessReading into) {
        if (jvm == null) {
            return;
        }
        try {
            jvm.accept(into);
        } catch (Throwable e) {
            into.hasJvm = false;
            if (!warnedJvm) {
                warnedJvm = true;
                GuardedLog.warn(
                        "procmon: cannot read the JVM's figures ({}); this is reported once", GuardedLog.describe(e));
            }
        }
    }

    long failures() {
        return failures;
    }

    void close() {
        try {
            sampler.close();
        } catch (Throwable e) {
            GuardedLog.debug("procmon: closing the sampler failed: {}", GuardedLog.describe(e));
        }
    }
}
