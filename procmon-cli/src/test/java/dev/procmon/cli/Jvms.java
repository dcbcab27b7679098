package dev.procmon.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real JVMs for the tests: this JVM's java and class path, started, waited for, always stopped. */
final class Jvms {

    static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String CLASS_PATH = System.getProperty("java.class.path");

    private Jvms() {}

    /** java OPTIONS... -cp CLASS_PATH MAIN ARGS... as a command line. */
    static List<String> command(List<String> jvmOptions, String main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(JAVA);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(CLASS_PATH);
        cmd.add(main);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts a {@link TargetApp} and returns once it says it is ready (its heap is filled). */
    static Process startTarget(double seconds, int megabytes, String... jvmOptions) throws IOException {
        Process p = new ProcessBuilder(command(
                        List.of(jvmOptions),
                        TargetApp.class.getName(),
                        Double.toString(seconds),
                        Integer.toString(megabytes)))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
            // Logback's lines before "ready".
        }
        if (line == null) {
            throw new IOException("the target JVM ended before it was ready");
        }
        // Keep draining so the target never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // The target is gone.
            }
        });
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    /**
     * Waits until a recording listens on the label socket of {@code pid}: the file alone is not
     * enough, it may be one a killed recording left for a pid since reused.
     */
    static void awaitLabelSocket(long pid) throws InterruptedException {
        java.nio.file.Path socket = dev.procmon.core.LabelSocket.pathFor(pid);
        for (int i = 0; i < 1500; i++) {
            try (java.nio.channels.SocketChannel c =
                    java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(socket))) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no recording listens at " + socket);
    }

    static void stop(Process p) throws InterruptedException {
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
