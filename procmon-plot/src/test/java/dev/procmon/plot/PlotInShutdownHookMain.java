package dev.procmon.plot;

import java.nio.file.Path;
import java.util.List;

/** For {@link OutputSafetyIT}: plots {@code args[0]} into {@code args[1]} from a shutdown hook. */
public final class PlotInShutdownHookMain {

    private PlotInShutdownHookMain() {}

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                LogPlotter.plot(List.of(Path.of(args[0])), Path.of(args[1]), PlotOptions.defaults());
            } catch (Exception e) {
                System.out.println("failed: " + e);
                Runtime.getRuntime().halt(3);
            }
        }));
        System.exit(0);
    }
}
