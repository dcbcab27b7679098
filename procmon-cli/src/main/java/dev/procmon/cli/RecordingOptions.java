package dev.procmon.cli;

import dev.procmon.picocli.SecondsConverter;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code record} and {@code attach} share: the interval, where the log goes and where the
 * plots go, and the fleet's metrics ({@link FleetOptions}). A picocli mixin.
 */
final class RecordingOptions {

    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            defaultValue = "1.0",
            converter = SecondsConverter.Interval.class,
            description = "Seconds between samples (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--log", paramLabel = "FILE", description = "Append the log to FILE (default: stdout).")
    @Nullable
    Path log;

    @Option(names = "--plot", paramLabel = "DIR", description = "Render the plots into DIR when recording ends.")
    @Nullable
    Path plotDirectory;

    @Mixin
    FleetOptions fleet = new FleetOptions();
}
