package dev.procmon.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code procmon record --check --max-rss 2GiB ...}: the budgets of {@code procmon check}, held
 * against the recording when it ends. {@code --check} must be given with the budgets so that a
 * budget such as {@code --max-duration} is never mistaken for a limit on the recording itself.
 */
final class RecordCheckOptions {

    @Option(
            names = "--check",
            description = "When the recording ends, check it against the budgets given (as procmon check does).")
    boolean check;

    @Mixin
    BudgetOptions budgets = new BudgetOptions();

    /** Usage errors: budgets without {@code --check}, {@code --check} without budgets. */
    void validate(CommandLine cl) {
        boolean any = !budgets.budgets().isEmpty();
        if (check && !any) {
            throw new ParameterException(
                    cl,
                    "--check needs at least one budget (--max-rss, --max-heap, --max-cpu,"
                            + " --max-duration, --max-gc-time, --phase)");
        }
        if (!check && (any || budgets.junit != null || budgets.json)) {
            throw new ParameterException(cl, "budgets (--max-rss, --phase, --junit, --json ...) apply with --check");
        }
    }

    boolean enabled() {
        return check;
    }

    /**
     * Checks the last process run in {@code log} (the recording just made; a log appended to may hold
     * earlier ones).
     *
     * @return 0 every budget holds, 1 one is broken, 2 one could not be checked
     */
    int apply(Path log, PrintWriter out, PrintWriter err) {
        return new LogCheck("procmon record", out, err).runLast(log, budgets);
    }
}
