package dev.procmon.agent;

import dev.procmon.core.ListenAddress;
import dev.procmon.core.ProcessMonitor;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * The agent's options, {@code key=value} separated by commas: {@code interval=SECONDS},
 * {@code file=PATH} or {@code logger=NAME} (the application's SLF4J; the default is its logger
 * {@code procmon}), {@code level=INFO}, {@code labels=on|off}, {@code children=on|off},
 * {@code jvm=on|off}, {@code duration=SECONDS} (then the monitor closes itself); and {@code stop}
 * alone, which closes a running agent monitor.
 */
record AgentOptions(
        boolean stop,
        ProcessMonitor.@Nullable Builder builder,
        @Nullable Duration duration) {

    static final String KNOWN = "interval, duration, file, logger, level, labels, children, jvm, prometheus, stop";

    /**
     * Parses the options.
     *
     * @throws IllegalArgumentException with the one line to show
     */
    static AgentOptions parse(String text) {
        ProcessMonitor.Builder b = ProcessMonitor.builder().labelSocket(true);
        String logger = ApplicationLogger.DEFAULT_NAME;
        Level level = Level.INFO;
        Path file = null;
        Duration duration = null;
        if (text == null || text.isBlank()) {
            return new AgentOptions(false, b.sink(ApplicationLogger.find(logger, level)), null);
        }
        if (text.trim().equals("stop")) {
            return new AgentOptions(true, null, null);
        }
        // Limit 0 on purpose: a trailing comma is ignored.
        for (String option : text.split(",", 0)) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("option '" + option + "' is not key=value (options: " + KNOWN + ")");
            }
            String key = option.substring(0, eq).trim();
            String value = option.substring(eq + 1).trim();
            switch (key) {
                case "interval" -> b.interval(seconds(key, value));
                case "duration" -> duration = seconds(key, value);
                case "file" -> file = Path.of(value);
                case "logger" -> logger = value;
                case "level" -> level = level(value);
                case "labels" -> b.labelSocket(onOff(key, value));
                case "children" -> b.includeChildren(onOff(key, value));
                case "jvm" -> b.jvm(onOff(key, value));
                case "prometheus" -> b.prometheus(address(key, value));
                default -> throw new IllegalArgumentException("unknown option '" + key + "' (options: " + KNOWN + ")");
            }
        }
        return new AgentOptions(
                false, file != null ? b.file(file) : b.sink(ApplicationLogger.find(logger, level)), duration);
    }

    /** {@code PORT} (loopback only) or {@code HOST:PORT}: where {@code /metrics} is served. */
    private static InetSocketAddress address(String key, String value) {
        try {
            return ListenAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private static Duration seconds(String key, String value) {
        double s;
        try {
            s = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            s = Double.NaN;
        }
        if (!(s > 0) || Double.isInfinite(s) || s > 86_400) {
            throw new IllegalArgumentException(key + "=" + value + ": not a number of seconds between 0 and 86400");
        }
        return Duration.ofNanos(Math.max(1_000_000L, Math.round(s * 1e9)));
    }

    private static Level level(String value) {
        try {
            return Level.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("level=" + value + ": not one of ERROR, WARN, INFO, DEBUG, TRACE");
        }
    }

    private static boolean onOff(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException(key + "=" + value + ": not on or off");
        };
    }
}
