package dev.procmon.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code procmon check LOG...}: memory and CPU budgets, and a baseline, as a build step. See docs/check.md. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Checks the process runs in LOG files (oldest first; plain or gzip) against budgets and/or a"
                + " baseline run. See docs/check.md.",
        footer = {
            "",
            "Examples:",
            "  procmon check app.log --max-rss 512MiB --phase indexing:max-rss=300MiB",
            "  procmon check app.log --baseline main.log --tolerance 10%% --junit check.xml",
            "",
            "Exit code: 0 every budget holds; 1 at least one is broken; 2 on a usage error or when a budget"
                    + " cannot be checked (unreadable log, unknown pid, a value the log does not have)."
        })
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Log files of one recording, oldest first.")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--pid", paramLabel = "PID", description = "Check only this process's runs (default: every run).")
    @Nullable
    Long pid;

    @Mixin
    BudgetOptions budgets;

    @Option(
            names = "--baseline",
            paramLabel = "OLD.log",
            description = "Compare peak RSS, CPU time, duration and each common phase with this log's run.")
    @Nullable
    Path baseline;

    @Option(
            names = "--baseline-pid",
            paramLabel = "PID",
            description = "The baseline's process, when its log has several (default: --pid, else the only one).")
    @Nullable
    Long baselinePid;

    @Option(
            names = "--tolerance",
            paramLabel = "PERCENT",
            converter = Tolerance.class,
            description = "How much worse than the baseline a figure may be (default: 10%%).")
    @Nullable
    Double tolerance;

    @Override
    public Integer call() {
        if (budgets.budgets().isEmpty() && baseline == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "nothing to check: give a budget (--max-rss, --max-heap, --max-cpu, --max-duration, --max-gc-time,"
                            + " --phase) or --baseline");
        }
        if (baseline == null && (tolerance != null || baselinePid != null)) {
            throw new ParameterException(spec.commandLine(), "--tolerance and --baseline-pid need --baseline");
        }
        LogCheck.Baseline compare = baseline == null
                ? null
                : new LogCheck.Baseline(
                        List.of(baseline),
                        baselinePid != null ? baselinePid : pid,
                        tolerance == null ? 0.10 : tolerance);
        return new LogCheck(
                        "procmon check",
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr())
                .run(logs, pid, budgets, compare);
    }
}
