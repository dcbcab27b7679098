package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcRootTest {

    @Test
    void namesEveryPathUnderTheRootItWasGiven() {
        ProcRoot proc = new ProcRoot(Path.of("/host/proc"));
        assertThat(proc.stat(42)).isEqualTo("/host/proc/42/stat");
        assertThat(proc.process(42)).isEqualTo("/host/proc/42");
        assertThat(proc.tasks(42)).isEqualTo("/host/proc/42/task");
        assertThat(proc.children(42, 43)).isEqualTo("/host/proc/42/task/43/children");
        assertThat(proc.uptime()).isEqualTo("/host/proc/uptime");
        assertThat(proc.selfStat()).isEqualTo("/host/proc/self/stat");
        assertThat(proc.selfAuxv()).isEqualTo("/host/proc/self/auxv");
    }

    @Test
    void theSystemPropertyMovesTheRootAndBlankMeansProc() {
        String old = System.getProperty(ProcRoot.PROPERTY);
        try {
            System.setProperty(ProcRoot.PROPERTY, "/host/proc");
            assertThat(ProcRoot.fromSystemProperty().dir()).isEqualTo(Path.of("/host/proc"));
            System.setProperty(ProcRoot.PROPERTY, " ");
            assertThat(ProcRoot.fromSystemProperty().dir()).isEqualTo(Path.of("/proc"));
            System.clearProperty(ProcRoot.PROPERTY);
            assertThat(ProcRoot.fromSystemProperty().dir()).isEqualTo(Path.of("/proc"));
        } finally {
            if (old == null) {
                System.clearProperty(ProcRoot.PROPERTY);
            } else {
                System.setProperty(ProcRoot.PROPERTY, old);
            }
        }
    }

    @Test
    void onlyAllDigitNamesArePids() {
        assertThat(ProcRoot.parsePid("4242")).isEqualTo(4242);
        assertThat(ProcRoot.parsePid("self")).isEqualTo(-1);
        assertThat(ProcRoot.parsePid("thread-self")).isEqualTo(-1);
        assertThat(ProcRoot.parsePid("12a")).isEqualTo(-1);
        assertThat(ProcRoot.parsePid("")).isEqualTo(-1);
        assertThat(ProcRoot.parsePid("1234567890123456789")).isEqualTo(-1);
    }
}
