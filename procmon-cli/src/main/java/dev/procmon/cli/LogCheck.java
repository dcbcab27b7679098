package dev.procmon.cli;

import dev.procmon.plot.PlotInputException;
import dev.procmon.plot.ProcessRun;
import dev.procmon.plot.ProcmonLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks a log against budgets (and optionally a baseline), prints the outcome and writes the
 * reports asked for; {@code procmon check} and {@code procmon record --check} both end here.
 * Exit codes: 0 every budget holds, 1 at least one broke, 2 when something could not be checked
 * (unreadable log, unknown pid, a budget on a value the log lacks).
 */
final class LogCheck {

    static final int HOLDS = 0;
    static final int BROKEN = 1;
    static final int CANNOT_CHECK = 2;

    /** A failure to report as one line; the check cannot be done. */
    static final class CannotCheck extends Exception {
        private static final long serialVersionUID = 1L;

        CannotCheck(String message) {
            super(message, null, false, false);
        }
    }

    /** The comparison asked for with {@code --baseline}. */
    record Baseline(List<Path> logs, @Nullable Long pid, double tolerance) {}

    private final String command;
    private final PrintWriter out;
    private final PrintWriter err;

    /** @param command the name in messages, {@code procmon check} */
    LogCheck(String command, PrintWriter out, PrintWriter err) {
        this.command = command;
        this.out = out;
        this.err = err;
    }

    int run(List<Path> logs, @Nullable Long pid, BudgetOptions options, @Nullable Baseline baseline) {
        return run(logs, pid, false, options, baseline);
    }

    /** Checks only the last run in {@code log}: the one {@code procmon record} has just appended. */
    int runLast(Path log, BudgetOptions options) {
        return run(List.of(log), null, true, options, null);
    }

    private int run(
            List<Path> logs, @Nullable Long pid, boolean lastOnly, BudgetOptions options, @Nullable Baseline baseline) {
        try {
            return check(logs, pid, lastOnly, options, baseline);
        } catch (CannotCheck e) {
            err.println(command + ": "
                    + TerminalText.of(java.util.Objects.requireNonNull(e.getMessage(), "a CannotCheck says why")));
            return CANNOT_CHECK;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int check(
            List<Path> logs, @Nullable Long pid, boolean lastOnly, BudgetOptions options, @Nullable Baseline baseline)
            throws CannotCheck {
        String logName = logs.get(logs.size() - 1).toString();
        List<ProcessRun> runs = select(read(logs), pid, logName);
        if (lastOnly) {
            runs = runs.subList(runs.size() - 1, runs.size());
        }
        List<Verdict> verdicts = new ArrayList<>();
        List<Budget> budgets = options.budgets();
        for (ProcessRun r : runs) {
            verdicts.addAll(BudgetCheck.check(runName(logName, r), r.summary(), budgets));
        }
        CheckJson.BaselineResult compared = null;
        List<String> table = List.of();
        if (baseline != null) {
            if (runs.size() != 1) {
                throw new CannotCheck(logName + " has " + runs.size() + " process runs (" + describe(runs)
                        + "); choose one with --pid to compare with the baseline");
            }
            String baseName = baseline.logs().get(baseline.logs().size() - 1).toString();
            List<ProcessRun> old = select(read(baseline.logs()), baseline.pid(), baseName);
            if (old.size() != 1) {
                throw new CannotCheck(baseName + " has " + old.size() + " process runs (" + describe(old)
                        + "); choose one with --baseline-pid");
            }
            String currentName = runName(logName, runs.get(0));
            String oldName = runName(baseName, old.get(0));
            List<BaselineComparison.Row> rows =
                    BaselineComparison.compare(old.get(0).summary(), runs.get(0).summary(), baseline.tolerance());
            table = BaselineComparison.table(oldName, currentName, baseline.tolerance(), rows);
            verdicts.addAll(BaselineComparison.verdicts(currentName, oldName, baseline.tolerance(), rows));
            compared = new CheckJson.BaselineResult(oldName, baseline.tolerance(), rows);
        }
        int exit = exitCode(verdicts);
        if (options.json) {
            CheckJson.write(out, logName, exit, runs, verdicts, compared);
        } else {
            table.forEach(line -> out.println(TerminalText.of(line))); // log names may hold ESC
            for (Verdict v : verdicts) {
                if (v.status() == Verdict.Status.FAIL) {
                    out.println("FAIL " + TerminalText.of(v.message()));
                }
            }
            out.println(command + ": " + tally(verdicts));
        }
        for (Verdict v : verdicts) {
            if (v.status() == Verdict.Status.ERROR) {
                err.println(command + ": " + TerminalText.of(v.message()));
            }
        }
        if (options.junit != null) {
            try {
                JunitReport.write(options.junit, command + " " + logName, verdicts);
            } catch (IOException e) {
                throw new CannotCheck("cannot write the JUnit report " + options.junit + ": " + ErrorMessage.of(e));
            }
        }
        return exit;
    }

    static int exitCode(List<Verdict> verdicts) {
        boolean fail = false;
        for (Verdict v : verdicts) {
            if (v.status() == Verdict.Status.ERROR) {
                return CANNOT_CHECK;
            }
            fail |= v.status() == Verdict.Status.FAIL;
        }
        return fail ? BROKEN : HOLDS;
    }

    private static String tally(List<Verdict> verdicts) {
        long failed =
                verdicts.stream().filter(v -> v.status() == Verdict.Status.FAIL).count();
        long errors = verdicts.stream()
                .filter(v -> v.status() == Verdict.Status.ERROR)
                .count();
        int n = verdicts.size();
        String checks = n == 1 ? "check" : "checks";
        if (errors > 0) {
            return errors + " of " + n + " " + checks + " could not be made"
                    + (failed > 0 ? ", " + failed + " broken" : "");
        }
        if (failed == 0) {
            return n == 1 ? "the check holds" : "all " + n + " checks hold";
        }
        return failed + " of " + n + " " + checks + " broken";
    }

    private ProcmonLog read(List<Path> logs) throws CannotCheck {
        ProcmonLog log;
        try {
            log = ProcmonLog.read(logs);
        } catch (PlotInputException e) {
            throw new CannotCheck(ErrorMessage.of(e));
        }
        if (log.malformedLines() > 0) {
            // Said, not fatal: the intact lines are checked, as procmon plot draws them.
            err.println(
                    command + ": " + TerminalText.of(logs.get(logs.size() - 1).toString()) + ": skipped "
                            + log.malformedLines() + " malformed sample line" + (log.malformedLines() == 1 ? "" : "s"));
        }
        return log;
    }

    private static List<ProcessRun> select(ProcmonLog log, @Nullable Long pid, String logName) throws CannotCheck {
        if (pid == null) {
            return log.runs();
        }
        List<ProcessRun> of = log.runs().stream().filter(r -> r.pid() == pid).toList();
        if (of.isEmpty()) {
            throw new CannotCheck("pid " + pid + " is not in " + logName + " (" + describe(log.runs()) + ")");
        }
        return of;
    }

    static String runName(String logName, ProcessRun r) {
        return logName + " pid " + r.pid() + (r.run() > 1 ? " run " + r.run() : "");
    }

    private static String describe(List<ProcessRun> runs) {
        List<String> names = new ArrayList<>();
        for (ProcessRun r : runs) {
            names.add(r.run() > 1 ? "pid " + r.pid() + " run " + r.run() : "pid " + r.pid());
        }
        return String.join(", ", names);
    }
}
