package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class KernelConstantsTest {

    private static byte[] auxv(long... pairs) {
        ByteBuffer b = ByteBuffer.allocate(pairs.length * 8).order(ByteOrder.nativeOrder());
        for (long v : pairs) {
            b.putLong(v);
        }
        return b.array();
    }

    @Test
    void readsPageSizeAndClockTicksFromTheAuxiliaryVector() throws IOException {
        KernelConstants k = KernelConstants.parseAuxv(auxv(33, 1234, 6, 65536, 17, 250, 0, 0));
        assertThat(k.pageSize()).isEqualTo(65536);
        assertThat(k.clockTicksPerSecond()).isEqualTo(250);
    }

    @Test
    void anAuxiliaryVectorWithoutTheEntriesIsAnError() {
        assertThatThrownBy(() -> KernelConstants.parseAuxv(auxv(33, 1234, 0, 0)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void thisMachinesValuesAreSane() throws IOException {
        KernelConstants k = KernelConstants.read(ProcRoot.SYSTEM);
        assertThat(k.pageSize()).isPositive().matches(p -> Long.bitCount(p) == 1, "a power of two");
        assertThat(k.clockTicksPerSecond()).isBetween(1L, 10_000L);
    }
}
