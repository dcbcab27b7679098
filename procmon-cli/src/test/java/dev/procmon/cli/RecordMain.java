package dev.procmon.cli;

import picocli.CommandLine;

/** Runs {@code procmon record} alone in a JVM of its own, for the tests that signal it. */
public final class RecordMain {

    private RecordMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new RecordCommand()).execute(args));
    }
}
