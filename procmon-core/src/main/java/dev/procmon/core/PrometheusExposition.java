package dev.procmon.core;

/**
 * A sample in Prometheus' text exposition format (version 0.0.4), as served by a monitor's
 * {@code /metrics} endpoint and pushed to a Pushgateway by {@code procmon record}. The metric names
 * are listed in {@code docs/fleet.md}.
 */
public final class PrometheusExposition {

    /** The {@code Content-Type} of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusExposition() {}

    /**
     * Appends every family whose value is known, then the last label as
     * {@code procmon_last_label_info{label="..."} 1} (label text escaped as the format requires).
     *
     * @param sample the values to write
     * @param out where the text goes
     */
    public static void write(MetricsSnapshot sample, StringBuilder out) {
        String family = "";
        for (PrometheusMetric m : PrometheusMetric.values()) {
            double v = m.value.applyAsDouble(sample);
            if (!Double.isFinite(v)) {
                continue;
            }
            if (!m.name.equals(family)) {
                family = m.name;
                out.append("# HELP ").append(m.name).append(' ').append(m.help).append('\n');
                out.append("# TYPE ")
                        .append(m.name)
                        .append(' ')
                        .append(m.type.text)
                        .append('\n');
            }
            out.append(m.name);
            if (!m.labels.isEmpty()) {
                out.append('{').append(m.labels).append('}');
            }
            out.append(' ').append(number(v)).append('\n');
        }
        if (sample.labels() > 0) {
            out.append("# HELP procmon_last_label_info The last label written to the log.\n");
            out.append("# TYPE procmon_last_label_info gauge\n");
            out.append("procmon_last_label_info{label=\"");
            appendLabelValue(sample.lastLabel(), out);
            out.append("\"} 1\n");
        }
    }

    /** Returns the text of {@link #write} as a String. */
    public static String toText(MetricsSnapshot sample) {
        StringBuilder out = new StringBuilder(2048);
        write(sample, out);
        return out.toString();
    }

    /**
     * A label value as the format allows it: backslash, double quote and line feed escaped; other
     * control characters, which the format does not define, replaced by a space so that no value can
     * end its line or its quotes and forge another sample.
     */
    static void appendLabelValue(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 || c == 0x7f ? ' ' : c);
            }
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
