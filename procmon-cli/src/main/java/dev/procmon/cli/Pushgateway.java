package dev.procmon.cli;

import dev.procmon.core.MetricsSnapshot;
import dev.procmon.core.PrometheusExposition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Pushes a recording's last sample to a Prometheus Pushgateway while the recording runs, and its
 * final totals when it ends, so a batch job's peak RSS and CPU seconds outlive the job. Pushes with
 * {@code POST}, which replaces only the metrics it sends, and never deletes: nothing that another
 * pusher put into the group is lost. A gateway that is down costs one warning per failure streak,
 * never the recording.
 */
final class Pushgateway implements AutoCloseable {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI target;
    private final Supplier<Optional<MetricsSnapshot>> latest;
    private final Consumer<String> warnings;
    private final ScheduledExecutorService timer;
    private boolean failing;

    /**
     * @param base the gateway, {@code http://host:9091}
     * @param job the {@code job} label of the group; any text (sent base64-encoded, so nothing in it
     *     can change the URL path)
     */
    Pushgateway(
            URI base,
            String job,
            Duration every,
            Supplier<Optional<MetricsSnapshot>> latest,
            Consumer<String> warnings) {
        String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(job.getBytes(StandardCharsets.UTF_8));
        String path = base.toString().replaceAll("/+$", "") + "/metrics/job@base64/" + (b64.isEmpty() ? "=" : b64);
        this.target = URI.create(path);
        this.latest = latest;
        this.warnings = warnings;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "procmon-push");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, every.toMillis());
        // push() reports its own failures, and close() ends the schedule with the executor: no one waits on the future.
        var unused = timer.scheduleWithFixedDelay(this::push, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Returns where the metrics are posted. */
    URI target() {
        return target;
    }

    /** Pushes the last sample now; a failure is reported once per streak. */
    synchronized boolean push() {
        Optional<MetricsSnapshot> sample = latest.get();
        if (sample.isEmpty()) {
            return false;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", PrometheusExposition.CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(PrometheusExposition.toText(sample.get())))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                String body = response.body().lines().findFirst().orElse("");
                return failed("HTTP " + response.statusCode() + (body.isEmpty() ? "" : ": " + body));
            }
            if (failing) {
                warnings.accept("procmon: pushgateway " + target + ": pushing again");
                failing = false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted");
        } catch (Exception e) {
            return failed(ErrorMessage.of(e));
        }
    }

    private boolean failed(String why) {
        if (!failing) {
            warnings.accept("procmon: pushgateway " + target + ": " + why
                    + " (the recording goes on; further failures are not reported until a push succeeds)");
            failing = true;
        }
        return false;
    }

    /** Stops the periodic pushes and pushes the final sample (the STOP line's totals) once more. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        push();
    }
}
