package dev.procmon.core;

import java.io.Closeable;
import java.io.IOException;

/** A source of process readings: /proc on Linux, the JDK's management beans elsewhere. */
interface Sampler extends Closeable {

    /** The process this sampler reads. */
    long pid();

    /**
     * Fills {@code into} with the current reading (after {@link ProcessReading#clear()}).
     *
     * @throws IOException when the reading cannot be taken (the process is gone, /proc unreadable)
     */
    void sample(ProcessReading into) throws IOException;

    @Override
    default void close() throws IOException {}
}
