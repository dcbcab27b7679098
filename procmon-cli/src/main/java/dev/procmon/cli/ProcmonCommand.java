package dev.procmon.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code procmon}: the command line's root, holding the subcommands. */
@Command(
        name = "procmon",
        mixinStandardHelpOptions = true,
        versionProvider = ProcmonCommand.Version.class,
        description = "Records how a process uses memory and CPU over time, and plots the record.")
public final class ProcmonCommand implements Runnable {

    /**
     * The subcommands by name, in the order help lists them. Registered only when needed (see {@link
     * #commandLine(String...)}): picocli's model of a subcommand costs about 10 ms of CPU to build at
     * every start, and {@code procmon record ...} or {@code procmon --version} need one or none.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("plot", PlotCommand::new);
        m.put("record", RecordCommand::new);
        m.put("attach", AttachCommand::new);
        m.put("label", LabelCommand::new);
        m.put("demo", DemoCommand::new);
        m.put("check", CheckCommand::new);
        m.put("export", ExportCommand::new);
        m.put("generate-completion", AutoComplete.GenerateCompletion::new);
        return Collections.unmodifiableMap(m);
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli would print, without building its model first (about half of the CPU of a
            // start): scripts call --version to check for procmon, and should not wait for it.
            for (String line : new Version().getVersion()) {
                System.out.println(line);
            }
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("label")) {
            PrintWriter err = new PrintWriter(
                    new java.io.OutputStreamWriter(System.err, java.nio.charset.Charset.defaultCharset()), true);
            Integer code = LabelCommand.quick(args, err);
            if (code != null) {
                System.exit(code);
            }
        }
        System.exit(commandLine(args).execute(args));
    }

    /** The command line with every subcommand. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line to execute {@code args} with, with procmon's error handling: a failure nobody
     * anticipated is still one line on stderr and exit code 1, never a stack trace. Only the
     * subcommand {@code args} name is registered (none for a lone {@code --version}); anything else
     * (help, a typo to suggest a name for, the completion script) gets them all.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new ProcmonCommand());
        String first = args.length > 0 ? args[0] : "";
        boolean versionOnly = args.length == 1 && (first.equals("--version") || first.equals("-V"));
        if (SUBCOMMANDS.containsKey(first) && !first.equals("generate-completion")) {
            cl.addSubcommand(first, SUBCOMMANDS.get(first).get());
        } else if (!versionOnly) {
            SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
            // Registered just above (SUBCOMMANDS has it).
            Objects.requireNonNull(cl.getSubcommands().get("generate-completion"))
                    .getCommandSpec()
                    .usageMessage()
                    .hidden(false);
        }
        CommandLine.IParameterExceptionHandler standard = cl.getParameterExceptionHandler();
        // A usage error is one line and where help is; a bare `procmon` keeps picocli's usage text.
        cl.setParameterExceptionHandler(
                (e, rest) -> e.getCommandLine() != cl ? usageError(e, rest) : standard.handleParseException(e, rest));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + ErrorMessage.of(e));
            return 1;
        });
        return cl;
    }

    /**
     * A usage error: one line naming the option and what it accepts, then where help is, exit 2
     * (never the whole usage text, never a Java type or exception name).
     */
    static int usageError(ParameterException e, String[] args) {
        CommandLine c = e.getCommandLine();
        String name = c.getCommandSpec().qualifiedName();
        String message = e.getMessage() == null
                ? "invalid command line"
                : e.getMessage()
                        // picocli names the Java type it could not convert to; say what the user must give.
                        .replaceAll("is not an? (long|int|short|byte)\\b", "is not a whole number")
                        .replaceAll("is not an? (double|float)\\b", "is not a number");
        c.getErr().println(name + ": " + message.replace('\n', ' ').replace('\r', ' '));
        c.getErr().println("Try '" + name + " --help'");
        c.getErr().flush();
        return 2;
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
