package dev.procmon.cli;

import dev.procmon.plot.ExportFormat;
import dev.procmon.plot.LogExport;
import dev.procmon.plot.PlotInputException;
import dev.procmon.plot.ProcessRun;
import dev.procmon.plot.ProcmonLog;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code procmon export LOG... --format csv|jsonl}: every sample, raw and derived, for other tools. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Writes every sample of the LOG files (oldest first; plain or gzip) as CSV or JSON Lines:"
                + " every field as logged plus CPU time and %%, and rates per second; a header names the units."
                + " See docs/check.md.",
        footer = {
            "",
            "Examples:",
            "  procmon export app.log --format csv > app.csv",
            "  procmon export app.log --format jsonl --pid 4242 --output app.jsonl"
        })
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Log files of one recording, oldest first.")
    List<Path> logs = new ArrayList<>();

    @Option(
            names = "--format",
            required = true,
            paramLabel = "csv|jsonl",
            converter = FormatConverter.class,
            description = "csv or jsonl.")
    ExportFormat format;

    @Option(names = "--pid", paramLabel = "PID", description = "Only this process's runs (default: every run).")
    @Nullable
    Long pid;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write to FILE (replaced; never through a symbolic link) instead of stdout.")
    @Nullable
    Path output;

    /** Parses {@code csv|jsonl}. */
    static final class FormatConverter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            try {
                return ExportFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not an export format (csv, jsonl)");
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ProcmonLog log = ProcmonLog.read(logs);
            List<ProcessRun> runs = log.runs();
            if (pid != null) {
                runs = runs.stream().filter(r -> r.pid() == pid).toList();
                if (runs.isEmpty()) {
                    err.println("procmon export: pid " + pid + " is not in "
                            + TerminalText.of(logs.get(logs.size() - 1).toString()));
                    return 1;
                }
            }
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                LogExport.write(runs, format, out);
                out.flush();
                // picocli's writer wraps System.out in its own writer: the PrintStream under it keeps its write errors
                if (out.checkError() || System.out.checkError()) {
                    err.println("procmon export: cannot write to stdout");
                    return 1;
                }
            } else {
                try (Writer out = new OutputStreamWriter(
                        Files.newOutputStream(
                                output,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.TRUNCATE_EXISTING,
                                StandardOpenOption.WRITE,
                                LinkOption.NOFOLLOW_LINKS),
                        StandardCharsets.US_ASCII)) {
                    LogExport.write(runs, format, out);
                } catch (IOException e) {
                    // a refused link (ELOOP) or a full disk: the JDK's message names no file
                    err.println("procmon export: " + output + ": "
                            + ErrorMessage.of(e).replace(output + ": ", ""));
                    return 1;
                }
            }
            if (log.malformedLines() > 0) {
                err.println("procmon export: skipped " + log.malformedLines() + " malformed sample line"
                        + (log.malformedLines() == 1 ? "" : "s"));
            }
            return 0;
        } catch (PlotInputException | IOException e) {
            err.println("procmon export: " + ErrorMessage.of(e));
            return 1;
        } finally {
            err.flush();
        }
    }
}
