package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.procmon.core.LabelSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Labels from another user are refused, both ways round: nobody cannot reach root's recording (its
 * directory is 0700), and root, who can enter any directory, is refused by nobody's recording (the
 * peer's user is checked). Needs root and setpriv to run a process as nobody; skipped otherwise.
 */
class LabelPermissionIT {

    private static final String NOBODY = "65534";

    private Path shared;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void needsRootAndAJarNobodyCanRead() throws Exception {
        assumeThat(System.getProperty("user.name"))
                .as("needs root to run processes as nobody")
                .isEqualTo("root");
        assumeThat(Path.of("/usr/bin/setpriv")).as("needs setpriv (util-linux)").exists();
        shared = Files.createTempDirectory(Path.of("/tmp"), "procmon-it-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.copy(AgentIT.JAR, shared.resolve("procmon.jar"));
        Files.setPosixFilePermissions(shared.resolve("procmon.jar"), PosixFilePermissions.fromString("rw-r--r--"));
        Process probe = asNobody(List.of(Jvms.JAVA, "-version"));
        assumeThat(probe.waitFor()).as("nobody can run " + Jvms.JAVA).isZero();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process p : started) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (shared != null) {
            try (var files = Files.walk(shared)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }

    private Process start(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    private Process asNobody(List<String> cmd) throws Exception {
        List<String> full =
                new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        full.addAll(cmd);
        return start(full);
    }

    private List<String> procmon(String... args) {
        List<String> cmd = new ArrayList<>(
                List.of(Jvms.JAVA, "-jar", shared.resolve("procmon.jar").toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String output(Process p) throws Exception {
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return text;
    }

    private static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 1500 && !Files.exists(file); i++) {
            Thread.sleep(20);
        }
        assertThat(file).exists();
    }

    /** setpriv runs as root until it has changed user and exec'd its command. */
    private static void awaitOwner(long pid, String user) throws Exception {
        for (int i = 0; i < 500; i++) {
            if (Files.getOwner(Path.of("/proc", Long.toString(pid))).getName().equals(user)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("pid " + pid + " never ran as " + user);
    }

    /** Connects as soon as the recording listens (a socket file of an earlier, killed run may be there first). */
    private static SocketChannel connect(Path socket, Process record) throws Exception {
        for (int i = 0; ; i++) {
            SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                c.connect(UnixDomainSocketAddress.of(socket));
                return c;
            } catch (java.net.ConnectException refused) {
                c.close();
                if (i == 250 || !record.isAlive()) {
                    throw new AssertionError(
                            "cannot connect to " + socket + "; the recording said: " + output(record), refused);
                }
                Thread.sleep(20);
            }
        }
    }

    private static long count(Path log, String label) {
        return Recording.of(log).lines().stream()
                .filter(l -> l.contains("\"label\": \"" + label + "\""))
                .count();
    }

    @Test
    void nobodyCannotLabelRootsRecording() throws Exception {
        Process sleep = start(List.of("sleep", "30"));
        Path log = shared.resolve("root.log");
        Process record = start(
                procmon("record", "--pid", Long.toString(sleep.pid()), "--interval", "0.1", "--log", log.toString()));
        Path socket = LabelSocket.pathFor(sleep.pid());
        Jvms.awaitLabelSocket(sleep.pid());

        Process byEnvironment = asNobody(List.of(
                "env",
                LabelSocket.ENVIRONMENT_VARIABLE + "=" + socket,
                Jvms.JAVA,
                "-jar",
                shared.resolve("procmon.jar").toString(),
                "label",
                "intruder"));
        String refused = output(byEnvironment);
        assertThat(byEnvironment.exitValue()).isEqualTo(1);
        assertThat(refused.strip())
                .startsWith("procmon label: ")
                .contains("only its user can label it")
                .doesNotContain("\n");
        Process byPid = asNobody(procmon("label", "--pid", Long.toString(sleep.pid()), "intruder"));
        assertThat(output(byPid)).startsWith("procmon label: no recording of pid " + sleep.pid() + " takes labels");
        assertThat(byPid.exitValue()).isEqualTo(1);

        Process owner = start(procmon("label", "--pid", Long.toString(sleep.pid()), "owner"));
        assertThat(output(owner)).isEmpty();
        assertThat(owner.exitValue()).isZero();
        Thread.sleep(300);
        sleep.destroy();
        output(record);
        assertThat(count(log, "owner")).isEqualTo(1);
        assertThat(count(log, "intruder")).isZero();
    }

    @Test
    void nobodysRecordingRefusesRootsLabel() throws Exception {
        Process sleep = asNobody(List.of("sleep", "30"));
        awaitOwner(sleep.pid(), "nobody");
        Path log = shared.resolve("nobody.log");
        Process record = asNobody(
                procmon("record", "--pid", Long.toString(sleep.pid()), "--interval", "0.1", "--log", log.toString()));
        Path socket = Path.of("/tmp/procmon-nobody", sleep.pid() + ".sock");
        awaitFile(socket);
        // Root can enter nobody's 0700 directory, so this is the peer check's refusal, not the directory's.
        try (SocketChannel c = connect(socket, record)) {
            try {
                c.write(ByteBuffer.wrap("root intruder".getBytes(StandardCharsets.UTF_8)));
                c.shutdownOutput();
                ByteBuffer answer = ByteBuffer.allocate(16);
                assertThat(c.read(answer)).as("closed without an answer").isEqualTo(-1);
            } catch (java.io.IOException closedOnUs) {
                // Refused before the label was even written.
            }
        }
        Thread.sleep(300);
        sleep.destroy();
        String recordOutput = output(record);
        assertThat(recordOutput).contains("refused a label from user root");
        assertThat(count(log, "root intruder")).isZero();
        assertThat(Recording.of(log).size()).isGreaterThan(2);
    }
}
