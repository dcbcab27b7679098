package dev.procmon.plot;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Writes a {@link RunSummary} as {@code NAME.summary.json}, the stable format documented in
 * {@code docs/summary-json.md}: bytes as integers, seconds and percentages as numbers, what the log
 * does not have as {@code null}. Text is written with every non-ASCII character escaped, so a label
 * with a lone surrogate still makes valid JSON.
 */
final class SummaryJson {

    /** Raised only for a change that breaks a reader of the previous version. */
    static final int VERSION = 1;

    static final String FORMAT = "procmon-summary";

    private static final JsonFactory FACTORY =
            JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private SummaryJson() {}

    static void write(OutputStream out, String logName, RunSummary s) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("log", logName);
            writeRun(g, s);
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** The run as one JSON object, without the file's header fields. */
    static String toJson(RunSummary s) {
        java.io.StringWriter w = new java.io.StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            writeRun(g, s);
            g.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    /** The run's fields, without the enclosing object. */
    static void writeRun(JsonGenerator g, RunSummary s) throws IOException {
        g.writeNumberField("pid", s.pid());
        g.writeNumberField("run", s.run());
        g.writeNumberField("samples", s.samples());
        g.writeNumberField("labels", s.labels());
        decimal(g, "first_sample_s", s.firstSampleSeconds());
        decimal(g, "duration_s", s.durationSeconds());
        bytes(g, "peak_rss_bytes", s.peakRssBytes());
        decimal(g, "peak_rss_at_s", s.peakRssSeconds());
        if (s.peakRssTime() == null) {
            g.writeNullField("peak_rss_time");
        } else {
            g.writeStringField("peak_rss_time", s.peakRssTime().toString());
        }
        decimal(g, "cpu_s", s.cpuSeconds());
        decimal(g, "mean_cpu_pct", s.meanCpuPercent());
        bytes(g, "heap_peak_bytes", s.heapPeakBytes());
        decimal(g, "heap_peak_at_s", s.heapPeakSeconds());
        decimal(g, "gc_time_s", s.gcTimeSeconds());
        bytes(g, "io_read_bytes", s.ioReadBytes());
        bytes(g, "io_write_bytes", s.ioWriteBytes());
        g.writeArrayFieldStart("phases");
        for (PhaseSummary p : s.phases()) {
            g.writeStartObject();
            g.writeStringField("name", p.name());
            g.writeStringField("kind", p.kind().name().toLowerCase(Locale.ROOT));
            g.writeNumberField("depth", p.depth());
            g.writeBooleanField("closed", p.closed());
            decimal(g, "start_s", p.startSeconds());
            decimal(g, "end_s", p.endSeconds());
            decimal(g, "duration_s", p.durationSeconds());
            decimal(g, "cpu_s", p.cpuSeconds());
            decimal(g, "mean_cpu_pct", p.meanCpuPercent());
            bytes(g, "rss_start_bytes", p.rssStartBytes());
            bytes(g, "rss_peak_bytes", p.rssPeakBytes());
            bytes(g, "rss_end_bytes", p.rssEndBytes());
            bytes(g, "rss_change_bytes", p.rssChangeBytes());
            bytes(g, "heap_peak_bytes", p.heapPeakBytes());
            decimal(g, "gc_time_s", p.gcTimeSeconds());
            bytes(g, "io_read_bytes", p.ioReadBytes());
            bytes(g, "io_write_bytes", p.ioWriteBytes());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A non-integral quantity, NaN as null; rounded to 9 significant digits so sums read cleanly. */
    private static void decimal(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, Double.parseDouble(String.format(Locale.ROOT, "%.9g", v)));
        }
    }

    /** A byte count: an integer in the log, so written as one; NaN as null. */
    private static void bytes(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, Math.round(v));
        }
    }
}
