package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.LabelSocket;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code procmon label} against real recordings: in this JVM, and in JVMs of their own. */
class LabelCommandIT {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ProcmonCommand.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private static long count(Path log, String label) {
        return Recording.of(log).lines().stream()
                .filter(l -> l.contains("\"label\": \"" + label + "\""))
                .count();
    }

    @Test
    void aScriptUnderProcmonRecordLabelsItsOwnSteps() throws Exception {
        Path log = dir.resolve("build.log");
        String label = String.join(
                " ",
                Jvms.command(List.of(), ProcmonCommand.class.getName(), "label").stream()
                        .map(a -> "'" + a + "'")
                        .toList());
        int code = run(
                "record",
                "--interval",
                "0.1",
                "--log",
                log.toString(),
                "--",
                "sh",
                "-c",
                "sleep 0.2; " + label + " compiling && sleep 0.2 && " + label + " 'linking \"all\"' && sleep 0.2");
        assertThat(code).as(err.toString()).isZero();
        assertThat(count(log, "compiling")).isEqualTo(1);
        assertThat(count(log, "linking \\\"all\\\"")).isEqualTo(1);
        List<String> labels = Recording.of(log).lines().stream()
                .filter(l -> l.contains("\"label\""))
                .toList();
        assertThat(labels).hasSize(2);
        assertThat(labels.get(0)).contains("compiling");
    }

    @Test
    void labelsByPidReachTheRightOneOfTwoRecordingsExactlyOnce() throws Exception {
        Process a = new ProcessBuilder("sleep", "30").start();
        Process b = new ProcessBuilder("sleep", "30").start();
        Process recordA = null;
        Process recordB = null;
        try {
            Path logA = dir.resolve("a.log");
            Path logB = dir.resolve("b.log");
            recordA = new ProcessBuilder(Jvms.command(
                            List.of(),
                            RecordMain.class.getName(),
                            "--pid",
                            Long.toString(a.pid()),
                            "--interval",
                            "0.1",
                            "--log",
                            logA.toString()))
                    .inheritIO()
                    .start();
            recordB = new ProcessBuilder(Jvms.command(
                            List.of(),
                            RecordMain.class.getName(),
                            "--pid",
                            Long.toString(b.pid()),
                            "--interval",
                            "0.1",
                            "--log",
                            logB.toString()))
                    .inheritIO()
                    .start();
            Jvms.awaitLabelSocket(a.pid());
            Jvms.awaitLabelSocket(b.pid());
            assertThat(run("label", "--pid", Long.toString(a.pid()), "for a"))
                    .as(err.toString())
                    .isZero();
            assertThat(run("label", "--pid", Long.toString(b.pid()), "for b"))
                    .as(err.toString())
                    .isZero();
            Thread.sleep(300);
            a.destroy();
            b.destroy();
            assertThat(recordA.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(recordB.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(count(logA, "for a")).isEqualTo(1);
            assertThat(count(logA, "for b")).isZero();
            assertThat(count(logB, "for b")).isEqualTo(1);
            assertThat(count(logB, "for a")).isZero();
            assertThat(LabelSocket.pathFor(a.pid())).doesNotExist();
        } finally {
            for (Process p : new Process[] {a, b, recordA, recordB}) {
                if (p != null) {
                    p.destroyForcibly().waitFor();
                }
            }
        }
    }

    @Test
    void aProcessWithoutARecordingIsOneLineAndExitOne() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(run("label", "--pid", Long.toString(sleep.pid()), "x")).isEqualTo(1);
            assertThat(err.toString().lines().toList())
                    .containsExactly("procmon label: no recording of pid " + sleep.pid() + " takes labels: "
                            + LabelSocket.pathFor(sleep.pid()) + ": no such file or directory");
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }

    @Test
    void noPidAndNoSessionOrAGoneProcessIsOneLine() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        assertThat(run("label", "--pid", Long.toString(done.pid()), "x")).isEqualTo(1);
        if (System.getenv(LabelSocket.ENVIRONMENT_VARIABLE) == null) {
            assertThat(run("label", "x")).isEqualTo(1);
            assertThat(err.toString().lines().toList())
                    .containsExactly(
                            "procmon label: no process with pid " + done.pid(),
                            "procmon label: no recording to label: give --pid PID, or run under procmon record");
        }
        assertThat(run("label", "--pid", "1", " ")).isEqualTo(2);
    }
}
