package dev.procmon.picocli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** For {@link NoProviderMixinIT}: a picocli program with the mixin, run without any SLF4J provider. */
@Command(name = "app")
public final class NoProviderApp implements Callable<Integer> {

    @Mixin
    LogProcessOption logProcess;

    @Override
    public Integer call() throws InterruptedException {
        try (var monitoring = logProcess.start()) {
            Thread.sleep(300);
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new NoProviderApp()).execute(args));
    }
}
