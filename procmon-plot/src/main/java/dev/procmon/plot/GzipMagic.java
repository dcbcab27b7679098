package dev.procmon.plot;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Tells a gzip log by its first two bytes (1f 8b), whatever its name: the one test the reader uses. */
final class GzipMagic {

    private GzipMagic() {}

    /** Whether the stream starts with the gzip magic; the stream is left where it was. */
    static boolean at(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return is(b0, b1);
    }

    /** Whether the file starts with the gzip magic. */
    static boolean of(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer two = ByteBuffer.allocate(2);
            while (two.hasRemaining() && ch.read(two) > 0) {
                // a regular file gives both bytes at once unless it is shorter
            }
            return two.position() == 2 && is(two.get(0) & 0xff, two.get(1) & 0xff);
        }
    }

    private static boolean is(int b0, int b1) {
        return b0 == 0x1f && b1 == 0x8b;
    }
}
