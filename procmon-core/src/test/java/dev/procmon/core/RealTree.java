package dev.procmon.core;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Real process trees for tests: started, waited for until complete, and always stopped. */
final class RealTree {

    private RealTree() {}

    /** A shell with {@code n} {@code sleep 600} children, returned once all of them are there. */
    static Process shellWithSleeps(int n) throws IOException, InterruptedException {
        Process shell = new ProcessBuilder(
                        "sh", "-c", "i=0; while [ $i -lt " + n + " ]; do sleep 600 & i=$((i+1)); done; wait")
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (shell.children().count() < n) {
            if (System.nanoTime() > deadline) {
                stop(shell);
                throw new IllegalStateException("the shell did not start its " + n + " children");
            }
            Thread.sleep(10);
        }
        return shell;
    }

    /** Kills the process and its descendants and waits for the process. */
    static void stop(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor();
    }
}
