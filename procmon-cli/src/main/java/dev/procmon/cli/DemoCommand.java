package dev.procmon.cli;

import dev.procmon.picocli.SecondsConverter;
import dev.procmon.plot.LogPlotter;
import dev.procmon.plot.PlotInputException;
import dev.procmon.plot.PlotOptions;
import dev.procmon.plot.PlotResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code procmon demo [OUTDIR]}: TotalDepth's demonstration. A child JVM makes strings of random
 * size under a monitor at 0.1 s, each announced by a label, and logs in TotalDepth's layout to
 * {@code OUTDIR/demo.log}; then the log is plotted into OUTDIR.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Record a program that makes and releases large strings, then plot it.")
final class DemoCommand implements Callable<Integer> {

    /** Java's largest array is a little under 2 GiB; one string must fit in one. */
    static final int MAX_MB = 1536;

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "OUTDIR",
            defaultValue = "out",
            description = "Where demo.log and the plots go (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed, for a reproducible run (default: random).")
    @Nullable
    Long seed;

    @Option(
            names = "--count",
            paramLabel = "N",
            defaultValue = "8",
            description = "How many strings (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(
            names = "--min-mb",
            paramLabel = "MB",
            defaultValue = "128",
            description = "Smallest string, MiB (default: ${DEFAULT-VALUE}).")
    int minMb;

    @Option(
            names = "--max-mb",
            paramLabel = "MB",
            defaultValue = "384",
            description = "Largest string, MiB (default: ${DEFAULT-VALUE}).")
    int maxMb;

    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            defaultValue = "0.1",
            converter = SecondsConverter.Interval.class,
            description = "Sampling interval (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long actualSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        Files.createDirectories(outDir);
        Path log = outDir.resolve("demo.log");
        out.printf(
                "procmon demo: %d strings of %d-%d MB, sampled every %s s (--seed %d); log: %s%n",
                count, minMb, maxMb, interval.toNanos() / 1e9, actualSeed, log);
        // Each string is held 0.5-1.5 s and followed by 0.25-0.75 s: 1.5 s on average.
        out.printf(
                "procmon demo: recording a JVM that makes and releases them (about %d s)...%n",
                Math.round(count * 1.5));
        out.flush();
        int exit = runWorkload(log, actualSeed);
        if (exit != 0) {
            err.println("procmon demo: the recorded program failed with exit code " + exit);
            return 1;
        }
        out.println("procmon demo: plotting " + log + " into " + outDir + "...");
        out.flush();
        try {
            PlotResult result = LogPlotter.plot(List.of(log), outDir, PlotOptions.defaults());
            PlotResultPrinter.print(result, out, err);
            return 0;
        } catch (PlotInputException e) {
            err.println("procmon demo: " + e.getMessage());
            return 1;
        }
    }

    private void validate() {
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1: " + count);
        }
        if (minMb < 1 || maxMb < 1 || maxMb > MAX_MB) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--min-mb and --max-mb must be between 1 and " + MAX_MB + ": " + minMb + ", " + maxMb);
        }
        if (minMb > maxMb) {
            throw new ParameterException(spec.commandLine(), "--min-mb " + minMb + " is above --max-mb " + maxMb);
        }
    }

    /**
     * Runs the workload in a JVM of its own: a small initial heap and small free ratios make G1 give
     * released memory back to the OS at each collection, so RSS falls when a string is released (a
     * default JVM keeps what it once committed, and the picture would show only rises).
     */
    private int runWorkload(Path log, long actualSeed) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms8m",
                "-Xmx" + (2 * maxMb + 256) + "m",
                "-XX:+UseG1GC",
                "-XX:MinHeapFreeRatio=5",
                "-XX:MaxHeapFreeRatio=10",
                "-cp",
                System.getProperty("java.class.path"),
                DemoWorkload.class.getName(),
                log.toString(),
                Long.toString(actualSeed),
                Integer.toString(count),
                Integer.toString(minMb),
                Integer.toString(maxMb),
                Long.toString(interval.toNanos())));
        Process child = new ProcessBuilder(command).inheritIO().start();
        try {
            return child.waitFor();
        } finally {
            child.destroy();
        }
    }
}
