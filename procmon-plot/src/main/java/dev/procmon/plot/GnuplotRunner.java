package dev.procmon.plot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code gnuplot NAME.plt} in the output directory: an argument list, no shell. */
final class GnuplotRunner {

    private static final long TIMEOUT_SECONDS = 300;

    private GnuplotRunner() {
    }

    /**
     * @param directory where the script and its data are, and where gnuplot writes
     * @param script the script's file name, e.g. {@code app.log_86611.plt}
     * @throws IOException with a one-line message if gnuplot is not installed, fails or hangs
     */
    static void run(Path directory, String script) throws IOException {
        run(directory, script, "gnuplot");
    }

    static void run(Path directory, String script, String executable) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(executable, script))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(System.getProperty("os.name", "")
                        .startsWith("Windows") ? "NUL" : "/dev/null")));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IOException("gnuplot is not installed or not on the PATH (needed for --gnuplot)", e);
        }
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("gnuplot did not finish " + script + " within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while gnuplot ran " + script, e);
        }
        if (process.exitValue() != 0) {
            String first = output.strip().lines().filter(s -> !s.isBlank()).reduce((a, b) -> b).orElse("");
            throw new IOException("gnuplot failed on " + script + " (exit " + process.exitValue() + ")"
                    + (first.isEmpty() ? "" : ": " + first.strip()));
        }
    }
}
