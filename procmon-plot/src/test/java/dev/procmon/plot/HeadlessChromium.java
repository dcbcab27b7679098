package dev.procmon.plot;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Opens a page in a real headless Chromium (the Debian {@code chromium} package), as a user's browser
 * would, with a fresh profile and no network: {@code --dump-dom} for the DOM once the page's
 * scripts have run (virtual time lets its promises settle), {@code --screenshot} for the pixels, and
 * every console message (which Chromium writes to stderr as {@code :CONSOLE} lines).
 */
final class HeadlessChromium {

    /** What the page left behind: the serialised DOM and the console messages. */
    record Page(String dom, List<String> console) {}

    private static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=15000",
            "--window-size=1400,1000");

    private HeadlessChromium() {}

    /** @return the browser on the PATH, if any */
    static Optional<Path> executable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static Page dumpDom(Path html, String fragment) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("procmon-chromium");
        try {
            Path out = dir.resolve("dom.html");
            Path err = dir.resolve("stderr.txt");
            run(dir, List.of("--dump-dom", url(html, fragment)), out, err);
            return new Page(Files.readString(out, StandardCharsets.UTF_8), console(err));
        } finally {
            delete(dir);
        }
    }

    static BufferedImage screenshot(Path html, String fragment, Path png) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("procmon-chromium");
        try {
            run(
                    dir,
                    List.of("--screenshot=" + png.toAbsolutePath(), url(html, fragment)),
                    dir.resolve("out.txt"),
                    dir.resolve("stderr.txt"));
            return ImageIO.read(png.toFile());
        } finally {
            delete(dir);
        }
    }

    private static String url(Path html, String fragment) {
        return html.toAbsolutePath().toUri() + (fragment.isEmpty() ? "" : "#" + fragment);
    }

    private static void run(Path dir, List<String> args, Path out, Path err) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable().orElseThrow().toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + dir.resolve("profile"));
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                throw new IOException("chromium did not finish in 120 s: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IOException("chromium exited with " + p.exitValue() + ": " + Files.readString(err));
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static List<String> console(Path err) throws IOException {
        try (Stream<String> lines = Files.lines(err, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(":CONSOLE")).toList();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
