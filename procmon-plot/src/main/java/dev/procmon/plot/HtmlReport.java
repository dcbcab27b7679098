package dev.procmon.plot;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the interactive report: one self-contained HTML file (uPlot, its licence, the page's script
 * and the data inlined; nothing fetched when opened). Every text from a log (labels, file names,
 * titles) reaches the page only inside the JSON data block, written by {@link ScriptJson}; the
 * page's script puts it into text nodes.
 */
final class HtmlReport {

    private static final String[] SLOTS = {"UPLOT_CSS", "STYLE", "DATA", "UPLOT_LICENSE", "UPLOT_JS", "SCRIPT"};

    private HtmlReport() {}

    /**
     * @param title the page title (set by the script from the data, as text)
     * @param runs the runs drawn (one, or several overlaid when comparing)
     * @param tables the tables under the chart
     */
    static void write(String title, List<HtmlRun> runs, List<ReportTable> tables, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String template = HtmlAssets.TEMPLATE;
        int at = 0;
        // The template marks each slot as /*@NAME@*/; slots are filled in order, in one pass, so
        // nothing written into one slot is ever searched for the next.
        for (String slot : SLOTS) {
            String mark = "/*@" + slot + "@*/";
            int i = template.indexOf(mark, at);
            if (i < 0) {
                throw new IllegalStateException("report.html has no slot " + mark);
            }
            w.write(template, at, i - at);
            fill(w, slot, title, runs, tables);
            at = i + mark.length();
        }
        w.write(template, at, template.length() - at);
        w.flush();
    }

    private static void fill(Writer w, String slot, String title, List<HtmlRun> runs, List<ReportTable> tables)
            throws IOException {
        switch (slot) {
            case "UPLOT_CSS" -> w.write(HtmlAssets.UPLOT_CSS);
            case "STYLE" -> w.write(HtmlAssets.STYLE);
            case "DATA" -> data(w, title, runs, tables);
            case "UPLOT_LICENSE" -> w.write(HtmlAssets.UPLOT_LICENSE.replace("*/", "* /"));
            case "UPLOT_JS" -> w.write(HtmlAssets.UPLOT_JS);
            case "SCRIPT" -> w.write(HtmlAssets.SCRIPT);
            default -> throw new IllegalStateException(slot);
        }
    }

    private static void data(Writer w, String title, List<HtmlRun> runs, List<ReportTable> tables) throws IOException {
        try (JsonGenerator g = ScriptJson.generator(w)) {
            g.writeStartObject();
            g.writeStringField("title", title);
            // The panels and their axis titles are those of the first run's chart (the static plot's axes).
            Chart chart = runs.get(0).chart();
            g.writeArrayFieldStart("panels");
            panel(g, "memory", chart.yTitle());
            panel(g, "rate", chart.y2Title());
            Chart activity = runs.stream()
                    .map(HtmlRun::activity)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            if (activity != null) {
                panel(g, "io", activity.yTitle());
                panel(g, "counts", activity.y2Title());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("runs");
            for (HtmlRun run : runs) {
                run.write(g);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tables");
            for (ReportTable t : tables) {
                t.write(g);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void panel(JsonGenerator g, String id, String title) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("title", title);
        g.writeEndObject();
    }
}
