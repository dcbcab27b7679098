package dev.procmon.plot;

import java.nio.file.Path;
import java.util.List;

/** For {@link ReadInPartsIT}: reads {@code args[0]} in 4 parts and prints what came of it. */
public final class ReadInPartsMain {

    private ReadInPartsMain() {}

    public static void main(String[] args) throws Exception {
        try {
            ParsedLog log = LogReader.read(List.of(Path.of(args[0])), ProgressListener.NONE, null, size -> 4);
            System.out.println("read " + log.tables().size() + " tables; notices " + log.notices());
        } catch (OutOfMemoryError e) {
            System.out.println("failed: " + e);
        }
    }
}
