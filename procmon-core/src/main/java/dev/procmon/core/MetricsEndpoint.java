package dev.procmon.core;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /metrics} in Prometheus' text format, from the JDK's own HTTP server on one daemon
 * thread of its own ({@code ProcMon-metrics}). A scrape serves the last published sample: it never
 * reads {@code /proc} and never waits for the ProcMon thread, which never waits for it.
 */
final class MetricsEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final LatestSample latest;

    private MetricsEndpoint(HttpServer server, ExecutorService executor, LatestSample latest) {
        this.server = server;
        this.executor = executor;
        this.latest = latest;
    }

    /** As {@link #start}, with a bind failure as an unchecked exception naming the address. */
    static MetricsEndpoint open(InetSocketAddress address, LatestSample latest) {
        try {
            return start(address, latest);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot serve metrics on " + address + ": " + e.getMessage(), e);
        }
    }

    /** Binds {@code address} (port 0 picks a free port) and starts serving. */
    static MetricsEndpoint start(InetSocketAddress address, LatestSample latest) throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, ProcessMonitor.THREAD_NAME + "-metrics");
            t.setDaemon(true);
            return t;
        });
        MetricsEndpoint endpoint = new MetricsEndpoint(server, executor, latest);
        server.createContext("/metrics", endpoint::handle);
        server.setExecutor(executor);
        server.start();
        return endpoint;
    }

    /** Returns the address actually bound (the port chosen for port 0). */
    InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            MetricsSnapshot snapshot = latest.snapshot();
            byte[] body = snapshot == null
                    ? new byte[0]
                    : PrometheusExposition.toText(snapshot).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", PrometheusExposition.CONTENT_TYPE);
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops serving at once (a scrape in progress is cut) and ends the thread. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
