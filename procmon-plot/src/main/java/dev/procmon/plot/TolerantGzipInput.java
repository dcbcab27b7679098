package dev.procmon.plot;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * Ends the stream where gzip data is cut short or corrupt, keeping what came before (as a cut plain
 * log keeps its intact lines); {@link #cutShort} says why it ended.
 */
final class TolerantGzipInput extends FilterInputStream {
    @Nullable
    IOException cutShort;

    TolerantGzipInput(InputStream gzip) {
        super(gzip);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (cutShort != null) {
            return -1;
        }
        try {
            return super.read(b, off, len);
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            cutShort = e;
            return -1;
        }
    }
}
