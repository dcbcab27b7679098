package dev.procmon.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.procmon.core.LogField;
import dev.procmon.core.MetricsSnapshot;
import dev.procmon.core.ProcessMonitor;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The real OpenTelemetry SDK collects a real monitor's samples: names, units, attributes, values. */
class ProcessInstrumentsTest {

    @Test
    void reportsTheSemanticConventionInstruments() throws Exception {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                        .setMeterProvider(SdkMeterProvider.builder()
                                .registerMetricReader(reader)
                                .build())
                        .build();
                // One sample (START) in the test's time: the values reported must be exactly that sample's.
                ProcessMonitor monitor = ProcessMonitor.builder()
                        .interval(Duration.ofSeconds(60))
                        .sink(l -> {})
                        .start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (monitor.latest().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            try (ProcessInstruments instruments = ProcessInstruments.register(otel, monitor)) {
                Map<String, MetricData> metrics = byName(reader.collectAllMetrics());
                assertThat(metrics)
                        .containsKeys(
                                "process.cpu.time",
                                "process.memory.usage",
                                "process.memory.virtual",
                                "process.paging.faults",
                                "process.disk.io",
                                "process.thread.count",
                                "process.context_switches");
                metrics.values()
                        .forEach(m -> assertThat(m.getInstrumentationScopeInfo().getName())
                                .isEqualTo(ProcessInstruments.SCOPE));

                MetricData memory = metrics.get("process.memory.usage");
                assertThat(memory.getUnit()).isEqualTo("By");
                long rss = memory.getLongSumData().getPoints().iterator().next().getValue();
                MetricsSnapshot sample = monitor.latest().orElseThrow();
                assertThat((double) rss).isEqualTo(sample.get(LogField.RSS));
                assertThat((double) rss).isCloseTo(status("VmRSS:") * 1024, withinPercentage(50));
                assertThat(memory.getLongSumData().isMonotonic()).isFalse();

                MetricData cpu = metrics.get("process.cpu.time");
                assertThat(cpu.getUnit()).isEqualTo("s");
                assertThat(cpu.getDoubleSumData().isMonotonic()).isTrue();
                Map<String, Double> byMode = cpu.getDoubleSumData().getPoints().stream()
                        .collect(Collectors.toMap(
                                p -> p.getAttributes().get(ProcessInstruments.CPU_MODE), DoublePointData::getValue));
                assertThat(byMode).containsOnlyKeys("user", "system");
                assertThat(byMode.get("user")).isPositive().isEqualTo(sample.get(LogField.USER));

                MetricData faults = metrics.get("process.paging.faults");
                assertThat(faults.getUnit()).isEqualTo("{fault}");
                assertThat(faults.getLongSumData().getPoints())
                        .extracting(LongPointData::getAttributes)
                        .containsExactlyInAnyOrder(
                                Attributes.of(ProcessInstruments.FAULT_TYPE, "minor"),
                                Attributes.of(ProcessInstruments.FAULT_TYPE, "major"));

                assertThat(metrics.get("process.disk.io").getLongSumData().getPoints())
                        .extracting(p -> p.getAttributes().get(ProcessInstruments.IO_DIRECTION))
                        .containsExactlyInAnyOrder("read", "write");
                long threads = metrics.get("process.thread.count")
                        .getLongSumData()
                        .getPoints()
                        .iterator()
                        .next()
                        .getValue();
                assertThat((double) threads).isCloseTo(status("Threads:"), withinPercentage(50));
            }
            // Closed: the callback is gone, nothing more is reported.
            assertThat(reader.collectAllMetrics()).isEmpty();
        }
    }

    private static Map<String, MetricData> byName(Collection<MetricData> data) {
        return data.stream().collect(Collectors.toMap(MetricData::getName, m -> m));
    }

    /** A number from /proc/self/status (kB for sizes). */
    private static double status(String key) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new AssertionError("no " + key);
    }
}
