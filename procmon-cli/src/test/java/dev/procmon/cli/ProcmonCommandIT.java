package dev.procmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher, {@code ProcmonCommand.main}, run as its own JVM (an integration test: it starts one). */
class ProcmonCommandIT {

    private final StringWriter out = new StringWriter();

    private int procmon(String... args) {
        CommandLine cl = ProcmonCommand.commandLine(args);
        cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void theLauncherFastPathPrintsWhatPicocliPrintsForVersion() throws Exception {
        Process p = new ProcessBuilder(
                        Jvms.JAVA,
                        "-cp",
                        System.getProperty("java.class.path"),
                        ProcmonCommand.class.getName(),
                        "--version")
                .redirectErrorStream(true)
                .start();
        String fast = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(procmon("--version")).isZero();
        assertThat(fast).isEqualTo(out.toString()).startsWith("procmon ");
    }
}
