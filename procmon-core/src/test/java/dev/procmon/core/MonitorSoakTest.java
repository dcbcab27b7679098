package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor sampling every millisecond into a file for a minute ({@code -Dprocmon.soak.seconds}):
 * the ProcMon thread allocates a bounded amount per sample, steadily; no thread or file descriptor
 * is left behind; the samples keep their schedule. Only with {@code mvn -Psoak -pl procmon-core}.
 *
 * <p>The bounds are generous and about amounts, never about wall-clock speed; the measured figures
 * are printed for the record.
 */
final class MonitorSoakTest {

    private static final Duration INTERVAL = Duration.ofMillis(10); // the shortest interval the builder accepts
    /** JvmStats allocates MemoryUsage objects per sample; a line is formatted into reused buffers. */
    private static final long MAX_BYTES_PER_SAMPLE = 4096;

    @TempDir
    Path dir;

    @Test
    void aTenMillisecondMonitorRunsAMinuteWithFlatAllocationNoLeaksAndNoDrift() throws Exception {
        int seconds = Integer.getInteger("procmon.soak.seconds", 60);
        int windows = Math.max(3, seconds / 5);
        long windowMillis = seconds * 1000L / windows;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        Path log = dir.resolve("soak.log");

        // A first short monitor loads what the JVM opens once and keeps (logging, JMX, resolver sockets).
        try (ProcessMonitor warmUp = ProcessMonitor.builder()
                .interval(INTERVAL)
                .file(dir.resolve("warm-up.log"))
                .start()) {
            Thread.sleep(200);
        }
        java.util.SortedMap<String, String> fdMapBefore = fileDescriptors();
        long fdsBefore = fdMapBefore.size();
        int threadsBefore = threads.getThreadCount();
        List<long[]> perWindow = new ArrayList<>(); // {allocated bytes, samples}
        try (ProcessMonitor m =
                ProcessMonitor.builder().interval(INTERVAL).file(log).start()) {
            long procMon = procMonThreadId();
            Thread.sleep(windowMillis); // warm-up: class loading, JIT, buffer growth
            long bytes = threads.getThreadAllocatedBytes(procMon);
            long lines = lineCount(log);
            for (int w = 0; w < windows; w++) {
                Thread.sleep(windowMillis);
                long b = threads.getThreadAllocatedBytes(procMon);
                long l = lineCount(log);
                perWindow.add(new long[] {b - bytes, l - lines});
                bytes = b;
                lines = l;
            }
            assertThat(m.failedSamples()).isZero();
        }
        java.util.SortedMap<String, String> fdMapAfter = fileDescriptors();
        long fdsAfter = fdMapAfter.size();
        fdMapAfter.entrySet().removeAll(fdMapBefore.entrySet());
        int threadsAfter = threads.getThreadCount();

        List<String> all = Files.readAllLines(log);
        // elapsed_time comes from the monotonic clock, so wall-clock adjustments do not blur it.
        long firstMicros = elapsedMicros(all.get(0));
        long lastMicros = elapsedMicros(all.get(all.size() - 2)); // the last is the STOP line, off schedule
        long spanMicros = lastMicros - firstMicros;
        long intervalMicros = INTERVAL.toNanos() / 1000;
        long scheduled = all.size() - 2; // intervals between the first and the last scheduled sample
        long lagMicros = spanMicros - scheduled * intervalMicros;

        StringBuilder report = new StringBuilder("soak: ")
                .append(all.size())
                .append(" lines in ")
                .append(seconds)
                .append(" s; per window bytes/sample:");
        for (long[] w : perWindow) {
            report.append(' ').append(w[1] == 0 ? -1 : w[0] / w[1]);
        }
        report.append("; fds ")
                .append(fdsBefore)
                .append("->")
                .append(fdsAfter)
                .append("; threads ")
                .append(threadsBefore)
                .append("->")
                .append(threadsAfter)
                .append("; last-first ")
                .append(spanMicros)
                .append(" us, ")
                .append(lagMicros)
                .append(" us behind first + n * interval (")
                .append(lagMicros / intervalMicros)
                .append(" ticks skipped)");
        System.out.println(report);

        for (long[] w : perWindow) {
            assertThat(w[1]).as("samples in a window").isPositive();
            assertThat(w[0] / w[1]).as(report.toString()).isLessThanOrEqualTo(MAX_BYTES_PER_SAMPLE);
        }
        assertThat(fdMapAfter)
                .as("descriptors opened and not closed; " + report)
                .isEmpty();
        assertThat(threadsAfter).as(report.toString()).isLessThanOrEqualTo(threadsBefore);
        // Sample k is due at start + k * interval, and a tick that wakes too late is skipped, not
        // bursted: the last sample lags first + n * interval by the skipped ticks only. A fixed-delay loop
        // would lag by its work and wake-up latency on every tick, 5 % and more at 1 ms. The bound lets a
        // busy host skip 3 % of the ticks.
        assertThat(lagMicros)
                .as(report.toString())
                .isGreaterThan(-5 * intervalMicros)
                .isLessThanOrEqualTo(5 * intervalMicros + spanMicros * 3 / 100);
        assertThat(spanMicros).as("the monitor ran for the whole soak").isGreaterThan((seconds - 5) * 1_000_000L);
    }

    private static long elapsedMicros(String line) {
        return Math.round(Double.parseDouble(ParsedLine.parse(line).values().get(LogFormat.ELAPSED_TIME)) * 1e6);
    }

    private static long procMonThreadId() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(ProcessMonitor.THREAD_NAME))
                .findFirst()
                .orElseThrow()
                .getId();
    }

    private static long openFileDescriptors() throws IOException {
        return fileDescriptors().size();
    }

    /** What each open file descriptor points to (for the report when one is left open). */
    static java.util.SortedMap<String, String> fileDescriptors() throws IOException {
        java.util.SortedMap<String, String> r = new java.util.TreeMap<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (!target.matches("/proc/\\d+/fd")) { // the listing's own descriptor
                        r.put(fd.getFileName().toString(), target);
                    }
                } catch (IOException gone) {
                    // the descriptor that listed the directory
                }
            }
        }
        return r;
    }

    private static long lineCount(Path file) throws IOException {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
            }
        }
        return n;
    }
}
