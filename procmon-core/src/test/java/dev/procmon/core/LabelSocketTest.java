package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels from outside through real Unix domain sockets, into a real monitor of this process. */
class LabelSocketTest {

    @TempDir
    Path tmp;

    private String savedTmpdir;
    private final CollectingSink sink = new CollectingSink();

    @BeforeEach
    void privateTmpdir() {
        savedTmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
    }

    @AfterEach
    void restore() {
        System.setProperty("java.io.tmpdir", savedTmpdir);
    }

    private ProcessMonitor monitor() {
        return ProcessMonitor.builder()
                .interval(Duration.ofMillis(20))
                .sink(sink)
                .labelSocket(true)
                .start();
    }

    private List<String> labels() {
        return sink.parsed().stream()
                .map(l -> l.values().get("label"))
                .filter(Objects::nonNull)
                .toList();
    }

    @Test
    void aLabelSentFromOutsideIsWrittenExactlyOnceAndTheSocketGoesAtClose() throws Exception {
        long self = ProcessHandle.current().pid();
        Path socket = LabelSocket.pathFor(self);
        try (ProcessMonitor m = monitor()) {
            assertThat(socket).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                    .isEqualTo("rwx------");
            assertThat(LabelSocket.send(socket, "linking \"main\" \u00e9\n")).isTrue();
            Thread.sleep(100);
        }
        assertThat(labels()).containsExactly("linking \"main\" \u00e9");
        assertThat(socket).doesNotExist();
    }

    @Test
    void aSecondRecordingOfTheSamePidIsRefusedAndAStaleSocketIsReplaced() throws Exception {
        try (LabelSocket first = LabelSocket.open(4242)) {
            assertThatThrownBy(() -> LabelSocket.open(4242)).hasMessageContaining("already takes labels");
        }
        // A recording killed with SIGKILL leaves its socket file behind: bound, nobody listening.
        Path stale = LabelSocket.pathFor(4243);
        try (var c = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.bind(UnixDomainSocketAddress.of(stale));
        }
        assertThat(stale).exists();
        assertThatThrownBy(() -> LabelSocket.send(stale, "x")).hasMessageContaining("is gone");
        try (LabelSocket replaced = LabelSocket.open(4243)) {
            assertThat(replaced.path()).isEqualTo(stale);
            assertThat(LabelClient.answers(stale)).isTrue();
        }
    }

    @Test
    void aDirectoryOpenToOthersOrOwnedByALinkIsRefused() throws Exception {
        Path dir = LabelDirectory.path();
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> LabelSocket.open(1)).hasMessageContaining("open to other users");
        assertThatThrownBy(() -> LabelSocket.send(dir.resolve("1.sock"), "x"))
                .hasMessageContaining("open to other users");
        Files.delete(dir);
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(dir, elsewhere);
        assertThatThrownBy(() -> LabelSocket.open(1)).hasMessageContaining("is not a directory");
    }

    @Test
    void noSocketIsOneClearError() {
        assertThatThrownBy(() -> LabelSocket.send(LabelSocket.pathFor(999_999_999), "x"))
                .hasMessageContaining("999999999.sock")
                .hasMessageContaining("no recording takes labels");
    }

    /** Found by NullAway: a bare file name has no parent, and send() threw a NullPointerException. */
    @Test
    void aSocketNamedWithoutADirectoryIsOneClearError() {
        assertThatThrownBy(() -> LabelSocket.send(Path.of("procmon-no-such-recording.sock"), "x"))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("procmon-no-such-recording.sock");
    }

    @Test
    void aSocketPathWithoutADirectoryIsOneClearErrorNotANullPointer() {
        // PROCMON_LABEL_SOCKET=x or =/ reach send() as given: "x" has no parent, nor has "/".
        assertThatThrownBy(() -> LabelSocket.send(Path.of("no-such-procmon.sock"), "x"))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("no-such-procmon.sock");
        assertThatThrownBy(() -> LabelSocket.send(Path.of("/"), "x"))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith("/");
    }

    @Test
    void aHugeLabelIsCutAndIdleOrFloodingClientsNeitherStopSamplingNorGrowTheQueue() throws Exception {
        List<SocketChannel> idle = new ArrayList<>();
        int queued = 0;
        int full = 0;
        try (ProcessMonitor m = monitor()) {
            Path socket = LabelSocket.pathFor(m.pid());
            assertThat(LabelSocket.send(socket, "y".repeat(100_000))).isTrue();
            // Clients that connect and never write hold the server's slots, never its thread.
            for (int i = 0; i < LabelServer.MAX_CONNECTIONS + 4; i++) {
                idle.add(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
            }
            int before = sink.lines().size();
            Thread.sleep(200);
            assertThat(sink.lines().size()).as("lines while clients hang").isGreaterThan(before);
            for (SocketChannel c : idle) {
                c.close();
            }
            // A flood: more labels than the queue holds, sent faster than 20 ms samples take them.
            for (int i = 0; i < LabelQueue.CAPACITY * 2; i++) {
                try {
                    if (LabelSocket.send(socket, "flood " + i)) {
                        queued++;
                    } else {
                        full++;
                    }
                } catch (IOException refusedWhileSlotsWereHeld) {
                    Thread.sleep(10);
                }
            }
            Thread.sleep(100);
        }
        List<String> labels = labels();
        assertThat(labels.get(0)).hasSize(SampleLineWriter.MAX_LABEL_LENGTH + 1).endsWith("\u2026");
        assertThat(labels).hasSize(1 + queued);
        long dropped = sink.parsed().stream()
                .map(l -> l.values().get("labels_dropped"))
                .filter(Objects::nonNull)
                .mapToLong(Long::parseLong)
                .sum();
        assertThat(dropped).isEqualTo(full);
    }
}
