package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label sockets left by recordings of processes that are gone (a real exited process) are swept. */
class LabelSocketIT {

    @TempDir
    Path tmp;

    private String savedTmpdir;

    @BeforeEach
    void privateTmpdir() {
        savedTmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
    }

    @AfterEach
    void restore() {
        System.setProperty("java.io.tmpdir", savedTmpdir);
    }

    @Test
    void socketsThatKilledRecordingsLeftForGonePidsAreSweptByTheNextOpen() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        Path stale = LabelSocket.pathFor(done.pid());
        LabelDirectory.create();
        try (var c = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.bind(UnixDomainSocketAddress.of(stale));
        }
        Path notOurs = Files.writeString(stale.getParent().resolve("notes.txt"), "x");
        try (LabelSocket live = LabelSocket.open(4244);
                LabelSocket other = LabelSocket.open(4245)) {
            assertThat(stale).doesNotExist();
            assertThat(live.path()).exists();
            assertThat(notOurs).exists();
        }
    }
}
