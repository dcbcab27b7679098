package dev.procmon.plot;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * A table of the HTML report (the phase table, the comparison), already formatted as text: the page
 * shows each cell as a text node.
 *
 * @param title the caption
 * @param columns the header cells
 * @param rows the rows, each as long as {@code columns}
 */
record ReportTable(String title, List<String> columns, List<List<String>> rows) {

    ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "row of " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("title", title);
        g.writeArrayFieldStart("columns");
        for (String c : columns) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (List<String> row : rows) {
            g.writeStartArray();
            for (String cell : row) {
                g.writeString(cell);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
