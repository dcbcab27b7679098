package dev.procmon.cli;

import dev.procmon.core.ListenAddress;
import dev.procmon.core.ProcessMonitor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options that send a recording to a fleet's metrics system: {@code --prometheus} serves
 * {@code /metrics} while recording, {@code --pushgateway} pushes to a Prometheus Pushgateway. A
 * picocli mixin, so {@code record} and {@code attach} share them.
 */
final class FleetOptions {

    @Option(
            names = "--prometheus",
            paramLabel = "[HOST:]PORT",
            converter = AddressConverter.class,
            description = "Serve /metrics in Prometheus' text format on this address while recording "
                    + "(a bare PORT binds the loopback address only).")
    @Nullable
    InetSocketAddress prometheus;

    @Option(
            names = "--pushgateway",
            paramLabel = "URL",
            converter = HttpUrlConverter.class,
            description =
                    "Push the samples to this Prometheus Pushgateway during the run and the final totals at the end.")
    @Nullable
    URI pushgateway;

    @Option(
            names = "--job",
            paramLabel = "NAME",
            defaultValue = "procmon",
            description = "The job label of the pushed group (default: ${DEFAULT-VALUE}).")
    String job;

    @Option(
            names = "--push-interval",
            paramLabel = "SECONDS",
            defaultValue = "10",
            converter = dev.procmon.picocli.SecondsConverter.class,
            description = "Seconds between pushes (default: ${DEFAULT-VALUE}); the final totals are always pushed.")
    Duration pushInterval;

    /** Adds the endpoint to the monitor being built. */
    ProcessMonitor.Builder configure(ProcessMonitor.Builder builder) {
        return prometheus == null ? builder : builder.prometheus(prometheus);
    }

    /** Starts pushing the monitor's samples, when {@code --pushgateway} was given. */
    Optional<Pushgateway> startPushing(ProcessMonitor monitor, Consumer<String> warnings) {
        if (pushgateway == null) {
            return Optional.empty();
        }
        return Optional.of(new Pushgateway(pushgateway, job, pushInterval, monitor::latest, warnings));
    }

    /** {@code HOST:PORT}, {@code [::1]:PORT} or a bare {@code PORT} (loopback), as {@link ListenAddress} reads it. */
    static final class AddressConverter implements ITypeConverter<InetSocketAddress> {
        @Override
        public InetSocketAddress convert(String value) {
            try {
                return ListenAddress.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** An {@code http://} or {@code https://} URL with a host. */
    static final class HttpUrlConverter implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                URI uri = new URI(value);
                if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new TypeConversionException("'" + value + "' is not an http:// or https:// URL");
                }
                return uri;
            } catch (java.net.URISyntaxException e) {
                throw new TypeConversionException("'" + value + "' is not a URL");
            }
        }
    }
}
