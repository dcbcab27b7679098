package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A process that has exited but is not yet reaped (a zombie) reads as rss 0 in /proc: the sampler
 * treats it as gone, so a monitor's STOP line keeps the last reading of the living process
 * ({@code ProcessMonitorOtherProcessTest} failed about one run in five on a STOP line with rss 0).
 */
class ZombieSampleIT {

    @Test
    void aZombieIsGoneNotAReadingOfZeros() throws Exception {
        // sh starts `sleep 0` in the background, then becomes `sleep 60`, which never waits for it.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 60").start();
        try {
            long zombie;
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII))) {
                zombie = Long.parseLong(in.readLine().trim());
            }
            Path stat = Path.of("/proc", Long.toString(zombie), "stat");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.readString(stat).contains(") Z ") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(Files.readString(stat)).contains(") Z ");
            try (ProcStatSampler sampler = ProcStatSampler.open(zombie, MonitorClock.SYSTEM, ProcRoot.SYSTEM)) {
                assertThatThrownBy(() -> sampler.sample(new ProcessReading()))
                        .isInstanceOf(ProcessGoneException.class)
                        .hasMessageContaining(Long.toString(zombie));
            }
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }
}
