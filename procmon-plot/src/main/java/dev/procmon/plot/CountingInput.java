package dev.procmon.plot;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Tells how many bytes were read after each read, for progress. */
final class CountingInput extends FilterInputStream {
    private final LongConsumer onRead;

    /** @param onRead told the bytes each read gave */
    CountingInput(InputStream in, LongConsumer onRead) {
        super(in);
        this.onRead = onRead;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            onRead.accept(1);
        }
        return b;
    }

    /** 0: a channel's available() seeks, which a pipe cannot ("Illegal seek"). */
    @Override
    public int available() {
        return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            onRead.accept(n);
        }
        return n;
    }
}
