package dev.procmon.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code procmon}: the command line's root, holding the subcommands. */
@Command(name = "procmon", mixinStandardHelpOptions = true, versionProvider = ProcmonCommand.Version.class,
        description = "Records how a process uses memory and CPU over time, and plots the record.",
        subcommands = {PlotCommand.class, RecordCommand.class, DemoCommand.class, CheckCommand.class, ExportCommand.class,
            AutoComplete.GenerateCompletion.class})
public final class ProcmonCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with procmon's error handling: a failure nobody anticipated is still one line
     * on stderr and exit code 1, never a stack trace.
     */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ProcmonCommand());
        cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + ErrorMessage.of(e));
            return 1;
        });
        return cl;
    }

    /** The version from the build (a filtered resource), so it never drifts from the POM. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            try (InputStream in = ProcmonCommand.class.getResourceAsStream("version.txt")) {
                String version = in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                return new String[] {"procmon " + version, "Java " + System.getProperty("java.version")};
            }
        }
    }
}
