package dev.procmon.cli;

import dev.procmon.plot.PlotResult;
import dev.procmon.plot.ProcessSummary;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * A finished plot told to the user: one line per process plotted, the files written, then on stderr the
 * notices and the malformed lines skipped. Every command that plots ({@code plot}, {@code record},
 * {@code attach}, {@code demo}) reports through this one class.
 */
final class PlotResultPrinter {

    private PlotResultPrinter() {}

    /** Prints the result: summaries and files on {@code out}, notices and skipped lines on {@code err}. */
    static void print(PlotResult result, PrintWriter out, PrintWriter err) {
        for (ProcessSummary s : result.processes()) {
            out.println(TerminalText.of(s.describe())); // a log's name may hold ESC or a newline
            s.phaseTable().forEach(out::println); // names made printable by PhaseTable
        }
        StringBuilder files = new StringBuilder();
        for (ProcessSummary s : result.processes()) {
            for (Path f : s.files()) {
                files.append("  ").append(f);
            }
        }
        out.println(TerminalText.of(files.toString()));
        for (String notice : result.notices()) {
            err.println("procmon plot: " + TerminalText.of(notice));
        }
        if (result.malformedLines() > 0) {
            err.println("procmon plot: skipped " + result.malformedLines() + " malformed sample line"
                    + (result.malformedLines() == 1 ? "" : "s") + ", first at "
                    + String.join(", ", result.firstMalformed()));
        }
    }
}
