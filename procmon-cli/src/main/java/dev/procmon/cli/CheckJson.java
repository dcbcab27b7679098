package dev.procmon.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.procmon.plot.ProcessRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code procmon check --json}: the verdict, every check with its figures, each run's summary (the
 * {@code NAME.summary.json} object) and the baseline table; documented in {@code docs/check.md}.
 */
final class CheckJson {

    static final int VERSION = 1;

    private static final JsonFactory FACTORY =
            JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** What {@code --baseline} compared. */
    record BaselineResult(String run, double tolerance, List<BaselineComparison.Row> rows) {}

    private CheckJson() {}

    static void write(
            PrintWriter out,
            String logName,
            int exitCode,
            List<ProcessRun> runs,
            List<Verdict> verdicts,
            @Nullable BaselineResult baseline) {
        try {
            JsonGenerator g = FACTORY.createGenerator(out);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", "procmon-check");
            g.writeNumberField("version", VERSION);
            g.writeStringField("log", logName);
            g.writeStringField(
                    "verdict",
                    switch (exitCode) {
                        case LogCheck.HOLDS -> "pass";
                        case LogCheck.BROKEN -> "fail";
                        default -> "error";
                    });
            g.writeNumberField("exit_code", exitCode);
            g.writeArrayFieldStart("checks");
            for (Verdict v : verdicts) {
                g.writeStartObject();
                g.writeStringField("run", v.run());
                g.writeStringField("name", v.name());
                g.writeStringField("status", v.status().name().toLowerCase(Locale.ROOT));
                g.writeStringField("unit", v.bytes() ? "bytes" : "s");
                number(g, "budget", v.budget());
                number(g, "measured", v.measured());
                g.writeStringField("message", v.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("runs");
            for (ProcessRun r : runs) {
                // Copied token by token, so that it is laid out as the rest.
                try (JsonParser p = FACTORY.createParser(r.summary().toJson())) {
                    p.nextToken();
                    g.copyCurrentStructure(p);
                }
            }
            g.writeEndArray();
            if (baseline == null) {
                g.writeNullField("baseline");
            } else {
                g.writeObjectFieldStart("baseline");
                g.writeStringField("run", baseline.run());
                number(g, "tolerance_pct", baseline.tolerance() * 100);
                g.writeArrayFieldStart("rows");
                for (BaselineComparison.Row row : baseline.rows()) {
                    g.writeStartObject();
                    if (row.phase() == null) {
                        g.writeNullField("phase");
                    } else {
                        g.writeStringField("phase", row.phase());
                    }
                    g.writeStringField("figure", row.metric().label());
                    g.writeStringField("unit", row.metric().isBytes() ? "bytes" : "s");
                    number(g, "baseline", row.baseline());
                    number(g, "current", row.current());
                    number(g, "change_pct", row.changePercent());
                    g.writeStringField("status", row.status().name().toLowerCase(Locale.ROOT));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NaN and infinities (a change from 0) as null: JSON has no such numbers. */
    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNullField(name);
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumberField(name, (long) v);
        } else {
            g.writeNumberField(name, Double.parseDouble(String.format(Locale.ROOT, "%.9g", v)));
        }
    }
}
