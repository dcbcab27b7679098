package dev.procmon.cli;

import java.nio.ByteBuffer;

/** A child program for the tests: touches N MiB off-heap, holds them a while, exits 0. */
public final class TouchMemory {

    private TouchMemory() {}

    public static void main(String[] args) throws InterruptedException {
        int mib = Integer.parseInt(args[0]);
        long holdMillis = Long.parseLong(args[1]);
        ByteBuffer[] blocks = new ByteBuffer[mib];
        Thread.sleep(300);
        for (int i = 0; i < mib; i++) {
            blocks[i] = ByteBuffer.allocateDirect(1 << 20);
            for (int j = 0; j < blocks[i].capacity(); j += 4096) {
                blocks[i].put(j, (byte) 1);
            }
        }
        Thread.sleep(holdMillis);
        System.out.println("touched " + blocks.length + " MiB");
    }
}
