package dev.procmon.cli;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM for the attach and agent tests: logs through its own SLF4J and Logback, holds MB megabytes
 * on its heap, lives SECONDS seconds, and on its way out prints its non-daemon threads other than
 * main, so a test can tell that procmon left none.
 */
public final class TargetApp {

    private TargetApp() {}

    public static void main(String[] args) throws InterruptedException {
        double seconds = Double.parseDouble(args[0]);
        int megabytes = Integer.parseInt(args[1]);
        Logger log = LoggerFactory.getLogger("app");
        log.info("app starts");
        log.debug("app debug line");
        List<byte[]> held = new ArrayList<>();
        for (int i = 0; i < megabytes; i++) {
            byte[] block = new byte[1 << 20];
            block[i % block.length] = 1;
            held.add(block);
        }
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep((long) (seconds * 1000));
        log.info("app ends holding {} MB", held.size());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.isDaemon() && t != Thread.currentThread() && !t.getName().equals("DestroyJavaVM")) {
                System.out.println("non-daemon thread: " + t.getName());
            }
        }
    }
}
