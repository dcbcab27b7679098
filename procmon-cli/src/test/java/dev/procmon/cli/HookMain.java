package dev.procmon.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Registers a {@link ShutdownHook} that writes a file, closes it if asked, and exits. */
public final class HookMain {

    private HookMain() {}

    public static void main(String[] args) {
        ShutdownHook hook = ShutdownHook.register("test-hook", () -> {
            try {
                Files.writeString(Path.of(args[0]), "ran");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!hook.registered()) {
            System.exit(3);
        }
        if (args[1].equals("close")) {
            hook.close();
            hook.close();
        }
        System.exit(0);
    }
}
