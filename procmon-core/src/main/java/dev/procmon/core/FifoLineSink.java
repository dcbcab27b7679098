package dev.procmon.core;

import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A file sink for a named pipe, opened by its first write rather than by {@code start()}: opening a
 * FIFO blocks until it has a reader, which may be never, and only the ProcMon thread may wait for
 * that. Until a reader comes, the ProcMon thread waits in the open; {@code close()} gives up on it
 * after its stop timeout, and nothing is written after that.
 */
final class FifoLineSink implements LineSink {

    private final Path path;
    private final MonitorClock clock;
    private volatile @Nullable FileLineSink open;

    FifoLineSink(Path path, MonitorClock clock) {
        this.path = path;
        this.clock = clock;
    }

    @Override
    public void write(CharSequence line) throws IOException {
        FileLineSink sink = open;
        if (sink == null) {
            sink = FileLineSink.append(path, clock);
            open = sink;
        }
        sink.write(line);
    }

    @Override
    public void close() throws IOException {
        FileLineSink sink = open;
        if (sink != null) {
            sink.close();
        }
    }
}
