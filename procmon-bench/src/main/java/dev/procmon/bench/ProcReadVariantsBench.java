package dev.procmon.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Profile evidence for the /proc read (issue 7, item 1): the ways the JDK can re-read
 * {@code /proc/self/stat} through a kept-open descriptor, read only (no parse), to see what each
 * costs in system calls beside the C pread floor. Not part of the table; run by hand:
 * {@code java -jar benchmarks.jar ProcReadVariants -f 1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ProcReadVariantsBench {

    private final Path path = Path.of("/proc/self/stat");
    private final byte[] bytes = new byte[1024];
    private final ByteBuffer direct = ByteBuffer.allocateDirect(1024);
    private RandomAccessFile raf;
    private FileChannel channel;

    @Setup(Level.Trial)
    public void open() throws IOException {
        raf = new RandomAccessFile(path.toFile(), "r");
        channel = FileChannel.open(path, StandardOpenOption.READ);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        raf.close();
        channel.close();
    }

    /** lseek + read until EOF: three system calls (the last read returns 0). */
    @Benchmark
    public int rafSeekReadToEof() throws IOException {
        raf.seek(0);
        int length = 0;
        int n;
        while (length < bytes.length && (n = raf.read(bytes, length, bytes.length - length)) > 0) {
            length += n;
        }
        return length;
    }

    /** lseek + one read: two system calls. */
    @Benchmark
    public int rafSeekReadOnce() throws IOException {
        raf.seek(0);
        return raf.read(bytes, 0, bytes.length);
    }

    /** One pread into a direct buffer, copied into the byte[] the parser reads. */
    @Benchmark
    public int channelPread() throws IOException {
        direct.clear();
        int n = channel.read(direct, 0);
        direct.flip();
        direct.get(bytes, 0, n);
        return n;
    }
}
