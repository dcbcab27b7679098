package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusExpositionTest {

    private static MetricsSnapshot sample(String lastLabel, long labels) {
        long[] values = new long[LogField.values().length];
        Arrays.fill(values, -1);
        values[LogField.RSS.ordinal()] = 123_456_789;
        values[LogField.USER.ordinal()] = 2_500_000;
        values[LogField.SYSTEM.ordinal()] = 500_000;
        values[LogField.PFAULTS.ordinal()] = 1_000;
        values[LogField.PAGEINS.ordinal()] = 10;
        values[LogField.HEAP_USED.ordinal()] = 4_096;
        return new MetricsSnapshot(values, 1_700_000_010_000_000L, 10_000_000, 7, 200_000_000, labels, lastLabel);
    }

    @Test
    void servesTheKnownFamiliesUnderTheJavaClientsNames() {
        String text = PrometheusExposition.toText(sample("", 0));
        assertThat(text.lines())
                .contains(
                        "# TYPE process_cpu_seconds_total counter",
                        "process_cpu_seconds_total 3",
                        "process_resident_memory_bytes 123456789",
                        "process_start_time_seconds 1700000000",
                        "jvm_memory_used_bytes{area=\"heap\"} 4096",
                        "procmon_page_faults_total{type=\"minor\"} 990",
                        "procmon_page_faults_total{type=\"major\"} 10",
                        "procmon_peak_resident_memory_bytes 200000000");
        // Unknown values are left out, not served as 0 or NaN.
        assertThat(text).doesNotContain("process_virtual_memory_bytes", "NaN", "procmon_last_label_info");
        // One HELP and TYPE per family, even when the family has several series.
        assertThat(text.lines().filter(l -> l.equals("# TYPE procmon_page_faults_total counter")))
                .hasSize(1);
    }

    @Test
    void aLabelCannotEndItsQuotesOrItsLine() {
        String text = PrometheusExposition.toText(sample("a\\b\"c\nd\re\u0000f </script>", 3));
        List<String> labelLines = text.lines()
                .filter(l -> l.startsWith("procmon_last_label_info"))
                .toList();
        assertThat(labelLines).containsExactly("procmon_last_label_info{label=\"a\\\\b\\\"c\\nd e f </script>\"} 1");
        assertThat(text).contains("procmon_labels_total 3");
    }

    @Test
    void endpointServesTheTextFormatAndOnlyGetAndHead() throws Exception {
        LatestSample latest = new LatestSample();
        ProcessReading s = new ProcessReading();
        s.rssBytes = 5_000;
        latest.publish(s, 1_000_000, 1_000);
        try (MetricsEndpoint endpoint =
                MetricsEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), latest)) {
            URI uri = URI.create("http://127.0.0.1:" + endpoint.address().getPort() + "/metrics");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> get =
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.headers().firstValue("Content-Type")).hasValue(PrometheusExposition.CONTENT_TYPE);
            assertThat(get.body()).contains("process_resident_memory_bytes 5000");

            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(uri)
                            .POST(HttpRequest.BodyPublishers.ofString("x"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void aPortInUseFailsStartWithTheAddressAndLeavesNothingRunning() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort());
            java.util.Set<Thread> before = procMonThreads();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProcessMonitor.builder()
                            .sink(l -> {})
                            .prometheus(address)
                            .start())
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining("cannot serve metrics on")
                    .hasMessageContaining(":" + taken.getLocalPort());
            // No thread of the failed start lives on (a previous test's may still be ending).
            assertThat(before).containsAll(procMonThreads());
        }
    }

    private static java.util.Set<Thread> procMonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("ProcMon"))
                .collect(java.util.stream.Collectors.toSet());
    }
}
