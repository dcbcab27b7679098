package dev.procmon.bench;

import dev.procmon.cli.ProcmonCommand;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Issue 7, item 5: {@code procmon plot} end to end. Runs the real command ({@code procmon plot},
 * through picocli and {@link ProcmonCommand}, as the {@code procmon} launcher does) with the given
 * arguments, then prints the
 * exit code and the peak heap: the sum of the heap pools' peak usage (an upper bound on the heap's
 * peak). bench/run wraps this in {@code /usr/bin/time -v} for wall time and peak RSS.
 *
 * <p>Usage: {@code PlotRun [procmon plot arguments...]}. Prints one JSON object on stdout last.
 */
public final class PlotRun {

    private PlotRun() {}

    private static CommandLine commandLine(String[] args) {
        try {
            java.lang.reflect.Method m = ProcmonCommand.class.getDeclaredMethod("commandLine", String[].class);
            m.setAccessible(true);
            return (CommandLine) m.invoke(null, (Object) args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ProcmonCommand.commandLine(String...) not found", e);
        }
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        String[] plotArgs = new String[args.length + 1];
        plotArgs[0] = "plot";
        System.arraycopy(args, 0, plotArgs, 1, args.length);
        // ProcmonCommand registers the subcommand named only in its (package-private) commandLine(args),
        // what its main runs: "new CommandLine(new ProcmonCommand())" alone has no "plot".
        int code = commandLine(plotArgs).execute(plotArgs);
        long wall = System.nanoTime() - t0;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "{\"exit\": %d, \"in_jvm_wall_s\": %.3f, \"peak_heap_bytes\": %d}%n",
                code,
                wall / 1e9,
                peakHeap);
        System.exit(code);
    }
}
