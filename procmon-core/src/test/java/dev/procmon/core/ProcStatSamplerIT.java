package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The single-process sampler on real processes. */
class ProcStatSamplerIT {

    @Test
    void childrensFaultsAndThreadsComeFromTheStatLine() throws Exception {
        // The shell runs a child and waits for it, so its children's fault counters (cminflt,
        // cmajflt) are no longer zero; exec keeps them for the sleep that follows.
        Process p =
                new ProcessBuilder("sh", "-c", "cat /proc/self/stat > /dev/null; echo ready; exec sleep 30").start();
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
                ProcStatSampler sampler = ProcStatSampler.open(p.pid(), new FakeClock(), ProcRoot.SYSTEM)) {
            assertThat(out.readLine()).isEqualTo("ready");
            ProcessReading s = new ProcessReading();
            s.clear();
            sampler.sample(s);

            ProcStat raw = new ProcStat();
            try (ProcStatReader reader = ProcStatReader.forPid(ProcRoot.SYSTEM, p.pid())) {
                reader.read(raw);
            }
            assertThat(raw.cminflt).isPositive();
            assertThat(s.childrenPfaults).isEqualTo(raw.cminflt + raw.cmajflt);
            assertThat(s.childrenPageins).isEqualTo(raw.cmajflt);
            assertThat(s.childrenPfaults).isGreaterThanOrEqualTo(s.childrenPageins);
            assertThat(s.numThreads).isEqualTo(1);
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
