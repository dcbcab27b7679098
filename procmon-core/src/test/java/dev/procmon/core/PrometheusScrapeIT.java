package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Prometheus server scrapes a monitor's endpoint; what it stores is what /proc says. */
class PrometheusScrapeIT {

    @Test
    void prometheusStoresTheMonitorsSamples(@TempDir Path dir) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (ProcessMonitor monitor = ProcessMonitor.builder()
                        .interval(Duration.ofMillis(200))
                        .sink(lines::add)
                        .prometheus(any)
                        .start();
                PrometheusServer prometheus = PrometheusServer.start(
                        dir,
                        false,
                        "127.0.0.1:" + monitor.prometheusAddress().orElseThrow().getPort())) {
            double rss = prometheus
                    .await("process_resident_memory_bytes", v -> v > 0, 60)
                    .orElseThrow();
            assertThat(rss).isCloseTo(vmRssBytes(), withinPercentage(10));

            double cpu = prometheus
                    .await("process_cpu_seconds_total", v -> v > 0, 30)
                    .orElseThrow();
            burnCpu(Duration.ofMillis(400));
            assertThat(prometheus.await("process_cpu_seconds_total", v -> v > cpu, 30))
                    .isPresent();

            // A hostile label arrives as one label value, not as markup or extra series.
            ProcessMonitor.label("step \"2\"\nprocmon_labels_total 99");
            assertThat(prometheus.await(
                            "procmon_last_label_info{label=\"step \\\"2\\\"\\nprocmon_labels_total 99\"}",
                            v -> v == 1,
                            30))
                    .isPresent();
            assertThat(prometheus.query("procmon_labels_total")).containsExactly(1.0);
            assertThat(prometheus.query("jvm_memory_used_bytes{area=\"heap\"}")).hasSize(1);
        }
    }

    static long vmRssBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new AssertionError("no VmRSS");
    }

    static void burnCpu(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        long x = 0;
        while (System.nanoTime() < end) {
            x += Long.numberOfTrailingZeros(x ^ System.nanoTime());
        }
        if (x == 42) {
            System.out.print("");
        }
    }
}
