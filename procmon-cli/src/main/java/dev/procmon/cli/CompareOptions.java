package dev.procmon.cli;

import dev.procmon.plot.PlotInputException;
import dev.procmon.plot.ProgressListener;
import dev.procmon.plot.RunComparison;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code procmon plot --compare [--pid PID] [--align-at LABEL]}: one report overlaying a process from
 * each log (each file one run) instead of the usual listing. A picocli mixin of {@code plot}.
 */
final class CompareOptions {

    @Option(
            names = "--compare",
            description = "Write one report, OUTDIR/compare.html, overlaying one process from each LOG "
                    + "(each file is one run) with a table comparing them.")
    boolean compare;

    @Option(
            names = "--pid",
            paramLabel = "PID",
            description = "With --compare: the process to take from each log " + "(needed when a log has several).")
    @Nullable
    Long pid;

    @Option(
            names = "--align-at",
            paramLabel = "LABEL",
            description =
                    "With --compare: align the runs at the first label " + "with this text (default: at their start).")
    @Nullable
    String alignAt;

    /** Usage error: {@code --pid} or {@code --align-at} without {@code --compare}. */
    void validate(CommandLine cl) {
        if (!compare && (pid != null || alignAt != null)) {
            throw new ParameterException(cl, "--pid and --align-at go with --compare");
        }
    }

    boolean enabled() {
        return compare;
    }

    /**
     * Writes {@code outDir/compare.html} from {@code logs}.
     *
     * @return the report written
     */
    Path write(List<Path> logs, Path outDir, ProgressListener progress) throws PlotInputException, IOException {
        return RunComparison.write(
                logs, pid == null ? OptionalLong.empty() : OptionalLong.of(pid), alignAt, outDir, progress);
    }
}
