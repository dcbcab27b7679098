package dev.procmon.core;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Issue 7, item 3: timing accuracy. A monitor of this JVM at 10 ms sends its lines to a consumer
 * that records {@link System#nanoTime()} on arrival (so the figure includes the sample and the
 * formatting, as a reader of the log would see it). The schedule's start is the first
 * {@code nanoTime()} the monitor asks its clock for (the sampler is opened beforehand, so that call
 * is the one that anchors {@link FixedRateSchedule}). Sample k is due at start + k x interval;
 * lateness is arrival - due. Drift is the lateness of the last sample against its own instant of
 * the schedule (start + 1000 x interval, plus one interval per instant skipped because a sample ran
 * more than an interval late): a fixed-rate schedule keeps it as small as any other sample's, a
 * fixed-delay one would accumulate every sample's lateness (printed for scale).
 *
 * <p>Usage: {@code TimingRun [samples] [intervalMillis]}. Prints one JSON object.
 */
public final class TimingRun {

    private TimingRun() {}

    /** The real clock, remembering the first nanoTime() it hands out after being armed. */
    private static final class AnchorClock implements MonitorClock {
        volatile boolean armed;
        volatile long anchor = Long.MIN_VALUE;

        @Override
        public long nanoTime() {
            long now = MonitorClock.SYSTEM.nanoTime();
            if (armed) {
                armed = false;
                anchor = now;
            }
            return now;
        }

        @Override
        public long epochMicros() {
            return MonitorClock.SYSTEM.epochMicros();
        }

        @Override
        public void sleepUntil(long deadline) {
            MonitorClock.SYSTEM.sleepUntil(deadline);
        }
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long intervalMs = args.length > 1 ? Long.parseLong(args[1]) : 10;
        long interval = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        long[] arrivals = new long[samples + 1];
        int[] count = {0};
        CountDownLatch done = new CountDownLatch(1);
        AnchorClock clock = new AnchorClock();
        Sampler sampler = ProcStatSampler.open(ProcessHandle.current().pid(), clock, ProcRoot.SYSTEM);
        clock.armed = true;
        ProcessMonitor monitor = ProcessMonitor.builder()
                .interval(Duration.ofMillis(intervalMs))
                .clock(clock)
                .sampler(sampler)
                .sink(line -> {
                    long now = System.nanoTime();
                    if (count[0] <= samples) {
                        arrivals[count[0]++] = now;
                        if (count[0] > samples) {
                            done.countDown();
                        }
                    }
                })
                .start();
        done.await();
        monitor.close();
        long start = clock.anchor;

        // Sample 0 is taken at once and sample 1 is due at start + interval. After each sample the
        // monitor waits for the first instant of the schedule after it (FixedRateSchedule): a sample
        // more than an interval late makes the schedule skip the instants already past, which are
        // counted, not caught up with a burst.
        double[] lateness = new double[samples];
        int skipped = 0;
        long due = start + interval;
        for (int k = 1; k <= samples; k++) {
            lateness[k - 1] = arrivals[k] - due;
            if (k == samples) {
                break;
            }
            long next = start + ((arrivals[k] - start) / interval + 1) * interval;
            skipped += (int) ((next - due) / interval - 1);
            due = next;
        }
        // Drift: how far the last sample is from its own instant of the schedule; with no skipped
        // instants that instant is start + samples x interval.
        double drift = lateness[samples - 1];
        double offset = arrivals[samples] - (start + samples * interval);
        double[] sorted = lateness.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double l : lateness) {
            sum += l;
        }
        System.out.printf(
                Locale.ROOT,
                "{\"samples\": %d, \"interval_ms\": %d, \"p50_late_us\": %.1f, \"p99_late_us\": %.1f,"
                        + " \"max_late_us\": %.1f, \"drift_us\": %.1f, \"skipped_slots\": %d,"
                        + " \"last_minus_start_plus_n_intervals_us\": %.1f, \"fixed_delay_drift_us\": %.1f}%n",
                samples,
                intervalMs,
                percentile(sorted, 0.50) / 1e3,
                percentile(sorted, 0.99) / 1e3,
                sorted[sorted.length - 1] / 1e3,
                drift / 1e3,
                skipped,
                offset / 1e3,
                sum / 1e3);
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
