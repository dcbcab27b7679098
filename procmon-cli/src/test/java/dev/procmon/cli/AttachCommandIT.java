package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.procmon.core.LabelSocket;
import dev.procmon.core.LogFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code procmon attach} run in this JVM against real JVMs and real non-JVM processes. */
class AttachCommandIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int attach(String... args) {
        return ProcmonCommand.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void recordsTheHeapOfARunningJvmOverJmxAndTakesALabelFromOutsideOnce() throws Exception {
        Process target = Jvms.startTarget(60, 96, "-Xmx256m");
        try {
            Path log = dir.resolve("attach.log");
            CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> attach(
                    "attach",
                    Long.toString(target.pid()),
                    "--interval",
                    "0.2",
                    "--duration",
                    "2.5",
                    "--log",
                    log.toString()));
            Path socket = LabelSocket.pathFor(target.pid());
            Jvms.awaitLabelSocket(target.pid());
            assertThat(LabelSocket.send(socket, "from outside")).isTrue();
            assertThat(code.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
            assertThat(target.isAlive()).as("the target outlives the recording").isTrue();
            Recording r = Recording.of(log);
            assertThat(r.size()).isGreaterThanOrEqualTo(5);
            assertThat(r.lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
            for (int i = 0; i < r.size(); i++) {
                assertThat(r.number(i, LogFormat.PID)).isEqualTo((double) target.pid());
                assertThat(r.number(i, LogFormat.HEAP_USED))
                        .as("heap of line %d", i)
                        .isGreaterThan(96.0 * (1 << 20));
                assertThat(r.number(i, LogFormat.THREADS)).isGreaterThan(1);
                assertThat(r.number(i, LogFormat.RSS)).isGreaterThan(96.0 * (1 << 20));
            }
            assertThat(r.lines().stream().filter(l -> l.contains("\"label\": \"from outside\"")))
                    .hasSize(1);
            assertThat(socket).doesNotExist();
            assertThat(err.toString()).isEmpty();
        } finally {
            Jvms.stop(target);
        }
    }

    @Test
    void ctrlCEndsTheRecordingCleanlyAndPlotsIt() throws Exception {
        Process target = Jvms.startTarget(60, 16);
        Process attach = null;
        try {
            Path log = dir.resolve("interrupted.log");
            Path plots = dir.resolve("plots");
            attach = new ProcessBuilder(Jvms.command(
                            List.of(),
                            ProcmonCommand.class.getName(),
                            "attach",
                            Long.toString(target.pid()),
                            "--interval",
                            "0.1",
                            "--log",
                            log.toString(),
                            "--plot",
                            plots.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("attach.out").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (attach.isAlive()
                    && System.nanoTime() < deadline
                    && !(Files.exists(log) && Recording.of(log).size() >= 3)) {
                Thread.sleep(20);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(attach.pid()))
                    .start()
                    .waitFor();
            assertThat(attach.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(attach.exitValue())
                    .as(Files.readString(dir.resolve("attach.out")))
                    .isEqualTo(128 + 2);
            assertThat(Recording.of(log).lastMarker()).isEqualTo(LogFormat.MARKER_STOP);
            assertThat(plots.resolve("interrupted.log_" + target.pid() + ".svg"))
                    .isNotEmptyFile();
            assertThat(Files.readString(dir.resolve("attach.out")))
                    .startsWith("interrupted.log: pid " + target.pid() + ": ");
            assertThat(target.isAlive())
                    .as("Ctrl-C ends the recording, not the target")
                    .isTrue();
            assertThat(LabelSocket.pathFor(target.pid())).doesNotExist();
        } finally {
            if (attach != null) {
                attach.destroyForcibly();
            }
            Jvms.stop(target);
        }
    }

    /**
     * As {@code record}: a log that takes no line is an error, not a silent exit 0 (attach shares record's
     * output since issue 18; before, every line was lost and attach said nothing).
     */
    @Test
    void aLogFileThatTakesNoLineIsAnErrorNotSilentlyLost() throws Exception {
        Process target = Jvms.startTarget(60, 16);
        try {
            assertThat(attach(
                            "attach",
                            Long.toString(target.pid()),
                            "--interval",
                            "0.1",
                            "--duration",
                            "0.5",
                            "--log",
                            "/dev/full"))
                    .isEqualTo(1);
            assertThat(err.toString().lines())
                    .anyMatch(l -> l.matches("procmon attach: /dev/full: \\d+ lines? could not be written"));
            assertThat(target.isAlive()).isTrue();
        } finally {
            Jvms.stop(target);
        }
    }

    @Test
    void aProcessThatIsNotAJvmIsOneLineAndIsLeftUntouched() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(attach(
                            "attach",
                            Long.toString(sleep.pid()),
                            "--log",
                            dir.resolve("x.log").toString()))
                    .isEqualTo(1);
            assertThat(err.toString().lines().toList())
                    .containsExactly("procmon attach: pid " + sleep.pid()
                            + " is not a Java VM (no libjvm.so in its memory map)");
            Thread.sleep(200);
            assertThat(sleep.isAlive()).as("no SIGQUIT was sent").isTrue();
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }

    @Test
    void aProcessThatIsGoneIsOneLine() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        assertThat(attach("attach", Long.toString(done.pid()))).isEqualTo(1);
        assertThat(err.toString().lines().toList())
                .containsExactly("procmon attach: no process with pid " + done.pid());
    }

    @Test
    void anotherUsersProcessIsOneLine() throws Exception {
        assumeThat(System.getProperty("user.name"))
                .as("needs root to start a process as nobody")
                .isEqualTo("root");
        assumeThat(Path.of("/usr/bin/setpriv")).as("needs setpriv (util-linux)").exists();
        Process other = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "sleep", "30")
                .start();
        try {
            String owner = "";
            for (int i = 0; i < 100 && !owner.equals("nobody"); i++) {
                Thread.sleep(20);
                owner = Files.getOwner(Path.of("/proc", Long.toString(other.pid())))
                        .getName();
            }
            assertThat(attach("attach", Long.toString(other.pid()))).isEqualTo(1);
            assertThat(err.toString().lines().toList())
                    .containsExactly("procmon attach: pid " + other.pid()
                            + " belongs to nobody: attach works with your own JVMs only (you are root)");
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void agentWithoutALogIsAUsageError() {
        assertThat(attach("attach", "1", "--agent")).isEqualTo(2);
        assertThat(err.toString()).contains("--agent needs --log FILE");
        List<String> none = List.of();
        assertThat(out.toString().lines().toList()).isEqualTo(none);
    }
}
