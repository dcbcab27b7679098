package dev.procmon.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus Pushgateway (Debian's {@code prometheus-pushgateway}, installed by {@code
 * .ci/run}) on a loopback port, without persistence; stopped by the test, also when it fails.
 */
public final class PushgatewayServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus-pushgateway");

    private final Process process;
    private final int port;

    private PushgatewayServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the gateway with its output in {@code dir}; waits until it is ready. */
    public static PushgatewayServer start(Path dir) throws Exception {
        assumeTrue(
                Files.isExecutable(BINARY),
                "prometheus-pushgateway is not installed (apt-get install prometheus-pushgateway; .ci/run does)");
        int port = PrometheusServer.freePort();
        Process p = new ProcessBuilder(BINARY.toString(), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("pushgateway.out").toFile())
                .start();
        PushgatewayServer server = new PushgatewayServer(p, port);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/-/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return server;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        server.close();
        throw new AssertionError("pushgateway did not start: " + Files.readString(dir.resolve("pushgateway.out")));
    }

    /** @return {@code http://127.0.0.1:PORT} */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** @return {@code 127.0.0.1:PORT}, a scrape target */
    public String target() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
