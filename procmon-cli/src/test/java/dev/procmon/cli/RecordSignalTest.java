package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.LogFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI in a JVM of its own, sent SIGTERM as a user or a CI runner would. */
class RecordSignalTest {

    @TempDir
    Path dir;

    private Process procmon(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(RecordCommandTest.JAVA, "-cp", System.getProperty("java.class.path"),
                RecordMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile()).start();
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
            procmon.destroy();   // SIGTERM
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
        assertThat(r.lines().stream().filter(l -> l.contains(LogFormat.MARKER_STOP))).hasSize(1);
        assertThat(Files.readString(dir.resolve("stderr"))).doesNotContain("Exception").doesNotContain("\tat ");
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
        assertThat(Recording.of(log).lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
    }
}
