package dev.procmon.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus}, installed by {@code .ci/run}) on a loopback
 * port with its storage in a temporary directory, scraping the given targets every second. Closed
 * (and killed if it does not stop) by the test, also when the test fails. Shared with the other modules'
 * tests through procmon-core's test jar.
 */
public final class PrometheusServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final Process process;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param dir a fresh directory for the configuration, the storage and the server's output
     * @param targets {@code host:port} of each endpoint to scrape; {@code honorLabels} for a Pushgateway
     */
    public static PrometheusServer start(Path dir, boolean honorLabels, String... targets) throws Exception {
        assumeTrue(
                Files.isExecutable(BINARY), "prometheus is not installed (apt-get install prometheus; .ci/run does)");
        StringBuilder list = new StringBuilder();
        for (String t : targets) {
            list.append(list.length() == 0 ? "" : ", ").append('\'').append(t).append('\'');
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "global:",
                        "  scrape_interval: 1s",
                        "  evaluation_interval: 1s",
                        "scrape_configs:",
                        "  - job_name: procmon",
                        "    honor_labels: " + honorLabels,
                        "    static_configs:",
                        "      - targets: [" + list + "]",
                        ""));
        int port = freePort();
        Process p = new ProcessBuilder(
                        BINARY.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--web.enable-lifecycle")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.out").toFile())
                .start();
        PrometheusServer server = new PrometheusServer(p, port);
        try {
            server.awaitReady(dir);
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitReady(Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited: " + Files.readString(dir.resolve("prometheus.out")));
            }
            try {
                HttpResponse<String> r = get("/-/ready");
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("prometheus not ready in 60 s: " + Files.readString(dir.resolve("prometheus.out")));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The values of an instant PromQL query (one per series), empty while there are none. */
    public List<Double> query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        List<Double> values = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(r.body())) {
            // {"status":"success","data":{"resultType":"vector","result":[{"metric":{...},"value":[t,"v"]}]}}
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("value")) {
                    p.nextToken(); // [
                    p.nextToken(); // time
                    p.nextToken(); // "value"
                    values.add(Double.parseDouble(p.getText()));
                }
            }
        }
        return values;
    }

    /** Polls {@code promql} until it has a value that {@code accept} takes, for at most {@code seconds}. */
    public OptionalDouble await(String promql, java.util.function.DoublePredicate accept, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (double v : query(promql)) {
                if (accept.test(v)) {
                    return OptionalDouble.of(v);
                }
            }
            Thread.sleep(250);
        }
        return OptionalDouble.empty();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
