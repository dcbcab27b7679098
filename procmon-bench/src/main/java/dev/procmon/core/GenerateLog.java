package dev.procmon.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic application log for the parsing and plotting benchmarks (issue 7, items 4 and
 * 5): logback-style lines, of which one in {@code every} carries a sample formatted by the real
 * {@link SampleLineWriter} (so the reader sees exactly what the monitor writes, JVM object included).
 * Samples are 1 s apart; memory and CPU move as a real program's would. Deterministic (fixed seed).
 *
 * <p>Usage: {@code GenerateLog <out> bytes <n> <every>} (stop once n bytes are written) or
 * {@code GenerateLog <out> samples <n> <every>} (stop after n samples); a fifth argument
 * {@code nojvm} leaves the jvm object out (TotalDepth's line, about 300 bytes: 1,000,000 samples make
 * the ~300 MB log of item 5). Prints one JSON object: bytes, lines, samples.
 */
public final class GenerateLog {

    private static final String[] MESSAGES = {
        "Reading frame %d of /data/survey/well-%d.lis: %d channels, %d bytes",
        "Index built for logical file %d in %d ms (%d entries, %d misses)",
        "Cache hit ratio %d%% after %d lookups, evicted %d, size %d",
        "Request %d served: GET /api/wells/%d/curves 200 in %d ms, %d bytes",
    };

    private GenerateLog() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        boolean byBytes = args[1].equals("bytes");
        long limit = Long.parseLong(args[2]);
        int every = Integer.parseInt(args[3]);
        boolean jvm = args.length <= 4 || !args[4].equals("nojvm");

        SplittableRandom random = new SplittableRandom(7);
        SampleLineWriter writer = new SampleLineWriter(ZoneOffset.UTC);
        LocalTimestampFormat stamps = new LocalTimestampFormat(ZoneOffset.UTC);
        ProcessReading s = new ProcessReading();
        s.pid = 41_877;
        s.hasJvm = true;
        long epochMicros = 1_795_478_400_000_000L; // 2026-11-24T00:00:00Z
        long startMicros = epochMicros;
        long rss = 180L << 20;
        long user = 0;
        long system = 0;
        long faults = 40_000;
        long gcCount = 0;
        long gcMillis = 0;

        StringBuilder line = new StringBuilder(1024);
        long bytes = 0;
        long lines = 0;
        long samples = 0;
        try (BufferedWriter w = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.US_ASCII), 1 << 20)) {
            while (byBytes ? bytes < limit : samples < limit) {
                line.setLength(0);
                boolean isSample = lines % every == every - 1;
                stamps.append(epochMicros, line);
                line.setLength(line.length() - 3); // logback's pattern has milliseconds
                if (isSample) {
                    // One second per sample; memory wanders, CPU accumulates.
                    epochMicros += 1_000_000;
                    rss = Math.min(1L << 30, Math.max(64L << 20, rss + random.nextLong(-(4L << 20), (4L << 20) + 1)));
                    user += random.nextLong(200_000, 990_000);
                    system += random.nextLong(0, 60_000);
                    faults += random.nextLong(0, 3_000);
                    if (random.nextInt(10) == 0) {
                        gcCount++;
                        gcMillis += random.nextLong(1, 40);
                    }
                    s.clear();
                    s.hasJvm = jvm;
                    s.rssBytes = rss;
                    s.vmsBytes = rss * 9 + (2L << 30);
                    s.pageFaults = faults;
                    s.majorFaults = faults / 500;
                    s.userMicros = user;
                    s.systemMicros = system;
                    s.childrenUserMicros = 0;
                    s.childrenSystemMicros = 0;
                    s.heapCommitted = 512L << 20;
                    s.heapUsed = Math.min(s.heapCommitted, rss / 2);
                    s.nonHeapUsed = 61_234_567;
                    s.gcCount = gcCount;
                    s.gcMillis = gcMillis;
                    s.threads = 23;
                    // The counters procmon writes by default since issue 12, so parsing is measured with
                    // them (procmon's own lines; the nojvm variant stays TotalDepth's shape).
                    if (jvm) {
                        counters(s, faults, rss);
                    }
                    String marker = samples == 0 ? LogFormat.MARKER_START : LogFormat.MARKER;
                    line.append(" [ProcMon] INFO  procmon - ");
                    line.append(writer.format(
                            marker,
                            s,
                            epochMicros,
                            (epochMicros - startMicros) * 1_000,
                            samples % 97 == 0 ? "phase " + samples / 97 : null,
                            0));
                    samples++;
                } else {
                    epochMicros += random.nextLong(1, 200_000);
                    String msg = MESSAGES[random.nextInt(MESSAGES.length)];
                    line.append(" [main] INFO  dev.example.survey.Loader - ");
                    line.append(String.format(
                            Locale.ROOT,
                            msg,
                            random.nextInt(100_000),
                            random.nextInt(1000),
                            random.nextInt(10_000),
                            random.nextInt(1_000_000)));
                }
                line.append('\n');
                w.append(line);
                bytes += line.length();
                lines++;
            }
        }
        System.out.printf(Locale.ROOT, "{\"bytes\": %d, \"lines\": %d, \"samples\": %d}%n", bytes, lines, samples);
    }

    private static void counters(ProcessReading s, long faults, long rss) {
        s.childrenPfaults = faults / 7;
        s.childrenPageins = faults / 3500;
        s.numThreads = 31;
        s.voluntaryCtxSwitches = faults * 3;
        s.involuntaryCtxSwitches = faults / 9;
        s.readBytes = faults * 4096;
        s.writeBytes = faults * 1024;
        s.readChars = faults * 9000;
        s.writeChars = faults * 2000;
        s.cgroupMemoryMax = 8L << 30;
        s.cgroupMemoryCurrent = rss * 3;
    }
}
