package dev.procmon.plot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs gnuplot on {@code NAME.plt} in the output directory (an argument list, no shell) so that no
 * file name can be read as an option ({@code ./NAME.plt}), and so that gnuplot never writes into the
 * output directory itself: it writes into a new private directory (created by procmon, mode 700, in
 * the system temporary directory), and procmon moves the result into place with
 * {@link OutputFiles}, which follows no planted link. The SVG is listed only if gnuplot wrote one.
 */
final class GnuplotRunner {

    private static final long TIMEOUT_SECONDS = 300;

    private GnuplotRunner() {}

    /**
     * @param directory where the script and its data are
     * @param name the base name: runs {@code NAME.plt}, which writes {@code NAME.svg}
     * @return the SVG written into {@code directory}
     * @throws IOException with a one-line message if gnuplot is not installed, fails, hangs or writes nothing
     */
    static Path run(Path directory, String name) throws IOException {
        return run(directory, name, "gnuplot");
    }

    static Path run(Path directory, String name, String executable) throws IOException {
        String script = name + ".plt";
        String svg = name + ".svg";
        Path work = Files.createTempDirectory("procmon-gnuplot-");
        try {
            Path produced = work.resolve(svg);
            ProcessBuilder pb = new ProcessBuilder(List.of(
                            executable,
                            "-e",
                            "procmon_output = " + OutputEscaper.gnuplotString(produced.toString()),
                            "." + File.separator + script))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(
                            new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null")));
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
            String last = output.strip()
                    .lines()
                    .filter(s -> !s.isBlank())
                    .reduce((a, b) -> b)
                    .orElse("")
                    .strip();
            if (process.exitValue() != 0) {
                throw new IOException("gnuplot failed on " + script + " (exit " + process.exitValue() + ")"
                        + (last.isEmpty() ? "" : ": " + last));
            }
            if (!Files.isRegularFile(produced, LinkOption.NOFOLLOW_LINKS) || Files.size(produced) == 0) {
                throw new IOException(
                        "gnuplot wrote no " + svg + " from " + script + (last.isEmpty() ? "" : ": " + last));
            }
            return OutputFiles.write(directory, svg, out -> Files.copy(produced, out));
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is not worth failing the plot for
        }
    }
}
