package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one hook helper, in JVMs of their own so that whether a hook runs at exit can be seen. */
class ShutdownHookIT {

    @TempDir
    Path dir;

    private int run(Path file, String mode) throws Exception {
        return new ProcessBuilder(
                        Jvms.JAVA,
                        "-cp",
                        System.getProperty("java.class.path"),
                        HookMain.class.getName(),
                        file.toString(),
                        mode)
                .inheritIO()
                .start()
                .waitFor();
    }

    @Test
    void aRegisteredHookRunsAtExitAndAClosedOneDoesNot() throws Exception {
        Path kept = dir.resolve("kept");
        Path closed = dir.resolve("closed");
        assertThat(run(kept, "keep")).isZero();
        assertThat(run(closed, "close")).isZero();
        assertThat(kept).hasContent("ran");
        assertThat(closed).doesNotExist();
    }
}
