package dev.procmon.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The budget options {@code procmon check} and {@code procmon record --check} share (a picocli
 * mixin), and where the verdicts go besides the terminal. See {@code docs/check.md}.
 */
final class BudgetOptions {

    @Option(
            names = "--max-rss",
            paramLabel = "SIZE",
            converter = ByteSize.class,
            description = "Peak RSS budget, e.g. 512MiB, 2GiB.")
    @Nullable
    Double maxRss;

    @Option(
            names = "--max-heap",
            paramLabel = "SIZE",
            converter = ByteSize.class,
            description = "Peak JVM heap used budget (logs of a JVM monitoring itself).")
    @Nullable
    Double maxHeap;

    @Option(
            names = "--max-cpu",
            paramLabel = "SECONDS",
            converter = Seconds.class,
            description = "CPU time budget (user + system + children's).")
    @Nullable
    Double maxCpu;

    @Option(
            names = "--max-duration",
            paramLabel = "SECONDS",
            converter = Seconds.class,
            description = "Run time budget (elapsed_time of the last sample).")
    @Nullable
    Double maxDuration;

    @Option(
            names = "--max-gc-time",
            paramLabel = "SECONDS",
            converter = Seconds.class,
            description = "JVM garbage collection time budget.")
    @Nullable
    Double maxGcTime;

    @Option(
            names = "--phase",
            paramLabel = "NAME:KEY=VALUE[,...]",
            converter = Budget.PhaseConverter.class,
            description = {
                "Budgets for each phase (or label interval) NAME; KEY is max-rss, max-heap, max-cpu,",
                "max-duration, max-gc-time or max-rss-change. Repeatable. Example: indexing:max-rss=300MiB"
            })
    List<Budget.Phase> phases = new ArrayList<>();

    @Option(
            names = "--junit",
            paramLabel = "FILE",
            description = "Also write a JUnit XML report (one test case per budget) to FILE.")
    @Nullable
    Path junit;

    @Option(names = "--json", description = "Print the verdict and figures as JSON instead of text.")
    boolean json;

    /** Returns every budget given, the whole-run ones first, in a fixed order. */
    List<Budget> budgets() {
        List<Budget> out = new ArrayList<>();
        add(out, Metric.RSS, maxRss);
        add(out, Metric.HEAP, maxHeap);
        add(out, Metric.CPU, maxCpu);
        add(out, Metric.DURATION, maxDuration);
        add(out, Metric.GC_TIME, maxGcTime);
        phases.forEach(p -> out.addAll(p.budgets()));
        return out;
    }

    private static void add(List<Budget> out, Metric m, @Nullable Double limit) {
        if (limit != null) {
            out.add(new Budget(m, limit, "--" + m.key() + " " + m.format(limit), null));
        }
    }
}
