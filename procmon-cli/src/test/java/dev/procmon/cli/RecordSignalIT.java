package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.LogFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI in a JVM of its own, sent SIGTERM as a user or a CI runner would. */
class RecordSignalIT {

    @TempDir
    Path dir;

    private Process procmon(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(
                List.of(Jvms.JAVA, "-cp", System.getProperty("java.class.path"), RecordMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile())
                .start();
    }

    /** Waits (generously: this is about correctness, not speed) until the log has two sample lines. */
    private static Recording awaitSamples(Path log, Process procmon) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && procmon.isAlive()) {
            if (Files.exists(log) && Recording.of(log).size() >= 2) {
                return Recording.of(log);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no samples in " + log + "; procmon alive: " + procmon.isAlive());
    }

    private static boolean gone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Test
    void sigtermStopsTheChildAndTheLogStillEndsWithStop() throws Exception {
        Path log = dir.resolve("record.log");
        Process procmon = procmon("--interval", "0.1", "--log", log.toString(), "--", "sleep", "600");
        long child = -1;
        try {
            child = (long) awaitSamples(log, procmon).number(0, LogFormat.PID);
            assertThat(ProcessHandle.of(child)).isPresent();
            procmon.destroy(); // SIGTERM
            assertThat(procmon.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            procmon.destroyForcibly();
            if (child > 0) {
                ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        assertThat(procmon.exitValue()).isEqualTo(128 + 15);
        assertThat(gone(child)).as("the recorded child was terminated too").isTrue();
        Recording r = Recording.of(log);
        assertThat(r.marker(0)).isEqualTo(LogFormat.MARKER_START);
        assertThat(r.lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
        assertThat(r.lines().stream().filter(l -> l.contains(LogFormat.MARKER_STOP)))
                .hasSize(1);
        assertThat(Files.readString(dir.resolve("stderr")))
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    private static void signal(Process p, String name) throws Exception {
        // The shell's builtin kill: a fresh machine may have no procps.
        assertThat(new ProcessBuilder("sh", "-c", "kill -" + name + " " + p.pid())
                        .start()
                        .waitFor())
                .isZero();
    }

    /** Every plot listed in {@code dir} is whole: the PNG decodes and ends with IEND, the SVG parses. */
    private static void assertPlotsAreComplete(Path plots) throws Exception {
        List<Path> files;
        try (var list = Files.list(plots)) {
            files = list.sorted().toList();
        }
        List<String> names = files.stream()
                .map(p -> p.getFileName().toString().replaceAll("_\\d+", "_PID"))
                .toList();
        assertThat(names)
                .contains("record.log_PID.dat", "record.log_PID.plt", "record.log_PID.svg", "record.log_PID.png");
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".png")) {
                byte[] png = Files.readAllBytes(f);
                byte[] iend = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
                assertThat(Arrays.copyOfRange(png, Math.max(0, png.length - 12), png.length))
                        .as(name)
                        .isEqualTo(iend);
                BufferedImage image = ImageIO.read(f.toFile());
                assertThat(image).as(name).isNotNull();
                assertThat(image.getWidth()).isPositive();
            } else if (name.endsWith(".svg")) {
                assertThat(DocumentBuilderFactory.newInstance()
                                .newDocumentBuilder()
                                .parse(f.toFile())
                                .getDocumentElement()
                                .getTagName())
                        .isEqualTo("svg");
            }
        }
    }

    /**
     * Ctrl-C and SIGTERM during {@code record --plot}, the second with a command that ignores SIGTERM
     * (killed after the grace period): the log is closed with its STOP line and every plot is whole.
     */
    @Test
    void aSignalDuringRecordPlotClosesTheLogAndDrawsEveryPlotWhole() throws Exception {
        record Case(String signal, int exit, String script) {}
        for (Case c : List.of(
                new Case("INT", 130, "sleep 600"),
                new Case("TERM", 143, "trap '' TERM; while :; do sleep 0.1; done"))) {
            Path run = Files.createDirectory(dir.resolve(c.signal()));
            Path log = run.resolve("record.log");
            Path plots = run.resolve("plots");
            Process procmon = procmon(
                    "--interval",
                    "0.1",
                    "--log",
                    log.toString(),
                    "--plot",
                    plots.toString(),
                    "--",
                    "sh",
                    "-c",
                    c.script());
            long child = -1;
            try {
                child = (long) awaitSamples(log, procmon).number(0, LogFormat.PID);
                signal(procmon, c.signal());
                assertThat(procmon.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                procmon.destroyForcibly();
                if (child > 0) {
                    ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            String stderr = Files.readString(dir.resolve("stderr"));
            assertThat(procmon.exitValue()).as("%s; stderr: %s", c, stderr).isEqualTo(c.exit());
            assertThat(gone(child)).as("the recorded command was stopped").isTrue();
            Recording r = Recording.of(log);
            assertThat(r.lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
            assertThat(r.lines().stream().filter(l -> l.contains(LogFormat.MARKER_STOP)))
                    .hasSize(1);
            assertThat(stderr)
                    .doesNotContain("cannot plot")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertPlotsAreComplete(plots);
            assertThat(Files.readString(dir.resolve("stdout"))).contains("record.log: pid " + child);
        }
    }

    @Test
    void sigtermWhileWatchingAPidClosesTheLogAndLeavesTheTargetAlone() throws Exception {
        Path log = dir.resolve("record.log");
        Process target = new ProcessBuilder("sleep", "600").start();
        Process procmon = procmon("--interval", "0.1", "--log", log.toString(), "--pid", Long.toString(target.pid()));
        try {
            awaitSamples(log, procmon);
            procmon.destroy();
            assertThat(procmon.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(target.isAlive()).isTrue();
        } finally {
            procmon.destroyForcibly();
            target.destroyForcibly().waitFor();
        }
        assertThat(procmon.exitValue()).isEqualTo(128 + 15);
        assertThat(Recording.of(log).lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
    }
}
