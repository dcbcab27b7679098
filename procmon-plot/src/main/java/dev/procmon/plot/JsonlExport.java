package dev.procmon.plot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes an export as JSON Lines: first a header object ({@code format}, {@code version}, the
 * columns with their units), then one object per sample with the same keys as the CSV (without
 * units), {@code null} where the sample does not have the value, {@code labels} only on samples that
 * have labels. Non-ASCII text is escaped, so every line is ASCII and no label can break it.
 */
final class JsonlExport {

    static final String FORMAT = "procmon-export";
    static final int VERSION = 1;

    private static final JsonFactory FACTORY =
            JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private JsonlExport() {}

    static void write(Writer out, ExportLayout layout, List<SampleTable> tables) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setRootValueSeparator(null);
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeArrayFieldStart("columns");
        column(g, ExportLayout.PID, "");
        column(g, ExportLayout.RUN, "");
        column(g, ExportLayout.TIMESTAMP, "local time");
        for (ExportColumn c : layout.columns) {
            column(g, c.name(), c.unit());
        }
        column(g, ExportLayout.LABELS, "");
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        for (SampleTable t : tables) {
            ExportLayout.Row row = layout.new Row(t);
            for (int i = 0; i < t.size(); i++) {
                g.writeStartObject();
                g.writeNumberField(ExportLayout.PID, t.pid());
                g.writeNumberField(ExportLayout.RUN, t.run());
                long stamp = t.timestamp.get(i);
                if (stamp == Sample.NO_TIMESTAMP) {
                    g.writeNullField(ExportLayout.TIMESTAMP);
                } else {
                    g.writeStringField(ExportLayout.TIMESTAMP, TimestampText.format(stamp));
                }
                for (int c = 0; c < layout.columns.size(); c++) {
                    ExportColumn col = layout.columns.get(c);
                    double v = row.value(c, i);
                    g.writeFieldName(col.name());
                    if (Double.isNaN(v) || Double.isInfinite(v)) {
                        g.writeNull();
                    } else {
                        g.writeNumber(ExportLayout.number(v, col.integral()));
                    }
                }
                List<SampleTable.Label> labels = row.labels(i);
                if (!labels.isEmpty()) {
                    g.writeFieldName(ExportLayout.LABELS);
                    labels(g, labels);
                }
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
        g.flush();
    }

    private static void column(JsonGenerator g, String name, String unit) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("unit", unit);
        g.writeEndObject();
    }

    /** A sample's labels as a JSON array of {@code {"text": ..., "phase": ...}} ({@code phase} only on phase lines). */
    static String labels(List<SampleTable.Label> labels) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            labels(g, labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    private static void labels(JsonGenerator g, List<SampleTable.Label> labels) throws IOException {
        g.writeStartArray();
        for (SampleTable.Label l : labels) {
            g.writeStartObject();
            g.writeStringField("text", l.text());
            if (l.phase() != null) {
                g.writeStringField("phase", l.phase());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
