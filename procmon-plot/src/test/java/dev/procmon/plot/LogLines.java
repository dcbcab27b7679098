package dev.procmon.plot;

import java.util.Locale;

/** Sample lines for tests, in procmon's own layout. */
final class LogLines {

    private LogLines() {}

    static String sample(long pid, double elapsed, long rss, double user, String label) {
        return sample(pid, elapsed, rss, user, label, null);
    }

    /** A line; {@code label} is inserted as raw JSON string content (already escaped); {@code timestamp} may be null. */
    static String sample(long pid, double elapsed, long rss, double user, String label, String timestamp) {
        StringBuilder sb =
                new StringBuilder("2026-11-24 14:10:06,000 INFO ProcessLoggingThread-JSON {\"pid\": ").append(pid);
        if (timestamp != null) {
            sb.append(", \"timestamp\": \"").append(timestamp).append('"');
        }
        sb.append(", \"elapsed_time\": ")
                .append(String.format(Locale.ROOT, "%s", elapsed))
                .append(", \"memory_info\": {\"rss\": ")
                .append(rss)
                .append(", \"pfaults\": 100}")
                .append(", \"cpu_times\": {\"user\": ")
                .append(String.format(Locale.ROOT, "%s", user))
                .append(", \"system\": 0.0}");
        if (label != null) {
            sb.append(", \"label\": \"").append(label).append('"');
        }
        return sb.append('}').toString();
    }
}
