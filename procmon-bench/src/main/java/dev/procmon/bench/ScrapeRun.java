package dev.procmon.bench;

import dev.procmon.core.ProcessMonitor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scrape costs no sample: the ProcMon thread's CPU per tick with a Prometheus endpoint that is
 * scraped 10 times a second, beside the same monitor with the endpoint unscraped, the two
 * interleaved round by round so the machine's load hits both alike. Also: lines written against
 * lines due (a scrape must never make the monitor miss one) and the scraper's own cost per scrape.
 *
 * <p>Usage: {@code ScrapeRun [rounds] [secondsPerRun] [intervalMillis]}; prints one JSON object.
 */
public final class ScrapeRun {

    private ScrapeRun() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        long intervalMillis = args.length > 2 ? Long.parseLong(args[2]) : 100;
        run(false, 1, intervalMillis); // warm-up: JIT both paths
        run(true, 1, intervalMillis);
        double[] quiet = new double[rounds];
        double[] scraped = new double[rounds];
        double[] scrapeUs = new double[rounds];
        long missedQuiet = 0;
        long missedScraped = 0;
        for (int r = 0; r < rounds; r++) {
            boolean scrapeFirst = r % 2 == 1;
            for (int k = 0; k < 2; k++) {
                boolean scrape = (k == 0) == scrapeFirst;
                double[] m = run(scrape, seconds, intervalMillis);
                if (scrape) {
                    scraped[r] = m[0];
                    scrapeUs[r] = m[2];
                    missedScraped += (long) m[1];
                } else {
                    quiet[r] = m[0];
                    missedQuiet += (long) m[1];
                }
            }
        }
        double q = median(quiet);
        double s = median(scraped);
        System.out.printf(
                Locale.ROOT,
                "{\"interval_ms\": %d, \"rounds\": %d, \"tick_us_unscraped\": %.1f, \"tick_us_scraped_10_per_s\": %.1f,"
                        + " \"ratio\": %.3f, \"spread_unscraped_pct\": %.1f, \"lines_missed_unscraped\": %d,"
                        + " \"lines_missed_scraped\": %d, \"scraper_cpu_us_per_scrape\": %.1f}%n",
                intervalMillis,
                rounds,
                q,
                s,
                s / q,
                spread(quiet) * 100,
                missedQuiet,
                missedScraped,
                median(scrapeUs));
    }

    /** @return ProcMon CPU µs per tick, lines missed, scraper CPU µs per scrape */
    private static double[] run(boolean scrape, double seconds, long intervalMillis) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicLong lines = new AtomicLong();
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (ProcessMonitor monitor = ProcessMonitor.builder()
                .interval(Duration.ofMillis(intervalMillis))
                .sink(l -> lines.incrementAndGet())
                .prometheus(loopback)
                .start()) {
            Thread procMon = thread("ProcMon");
            URI uri = URI.create("http://127.0.0.1:"
                    + monitor.prometheusAddress().orElseThrow().getPort() + "/metrics");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong scrapes = new AtomicLong();
            AtomicLong scraperCpu = new AtomicLong();
            Thread scraper = new Thread(
                    () -> {
                        HttpClient http = HttpClient.newHttpClient();
                        long cpu0 = threads.getCurrentThreadCpuTime();
                        long next = System.nanoTime();
                        while (!stop.get()) {
                            try {
                                http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
                                scrapes.incrementAndGet();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            next += 100_000_000L;
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                        }
                        scraperCpu.set(threads.getCurrentThreadCpuTime() - cpu0);
                    },
                    "scraper");
            long cpu0 = threads.getThreadCpuTime(procMon.getId());
            long lines0 = lines.get();
            long t0 = System.nanoTime();
            if (scrape) {
                scraper.start();
            }
            Thread.sleep((long) (seconds * 1000));
            long cpu = threads.getThreadCpuTime(procMon.getId()) - cpu0;
            long written = lines.get() - lines0;
            long elapsed = System.nanoTime() - t0;
            stop.set(true);
            if (scrape) {
                scraper.join();
            }
            long due = elapsed / (intervalMillis * 1_000_000L);
            return new double[] {
                cpu / 1e3 / Math.max(1, written),
                Math.max(0, due - written - 1),
                scrapes.get() == 0 ? 0 : scraperCpu.get() / 1e3 / scrapes.get()
            };
        }
    }

    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " thread"));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double spread(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return (v[v.length - 1] - v[0]) / median(values);
    }
}
