package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.procmon.core.LogFormat;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Export round trips: every row of the CSV and of the JSON Lines is checked against the log's own
 * lines, read here independently with Jackson's tree model; derived figures are recomputed here from
 * those values.
 */
class LogExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One sample of the log as the test reads it: its JSON flattened to dotted paths, and its labels. */
    record LogSample(Map<String, Double> values, List<String> labels) {}

    /** The log's samples; a line repeating the previous elapsed_time only adds its label. */
    static List<LogSample> samples(String fixture) throws Exception {
        List<LogSample> out = new ArrayList<>();
        double lastT = Double.NaN;
        for (String line : Files.readAllLines(Fixtures.log(fixture))) {
            int at = line.indexOf(LogFormat.MARKER);
            JsonNode j = JSON.readTree(line.substring(line.indexOf('{', at)));
            double t = j.get("elapsed_time").asDouble();
            if (t != lastT) {
                Map<String, Double> values = new LinkedHashMap<>();
                flatten("", j, values);
                out.add(new LogSample(values, new ArrayList<>()));
                lastT = t;
            }
            if (j.has("label")) {
                out.get(out.size() - 1)
                        .labels()
                        .add(j.get("label").asText()
                                + (j.has("phase") ? "/" + j.get("phase").asText() : ""));
            }
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Double> out) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getValue().isObject()) {
                flatten(e.getKey() + ".", e.getValue(), out);
            } else if (e.getValue().isNumber()) {
                out.put(prefix + e.getKey(), e.getValue().asDouble());
            }
        }
    }

    static String export(String fixture, ExportFormat format) throws Exception {
        StringWriter w = new StringWriter();
        LogExport.write(ProcmonLog.read(Fixtures.log(fixture)).runs(), format, w);
        return w.toString();
    }

    /** RFC 4180: fields separated by commas, quoted fields with doubled quotes (no line breaks in ours). */
    static List<String> csvFields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    /** The export's rows as maps from column name (without unit) to text; null where empty / JSON null. */
    static List<Map<String, String>> rows(String fixture, ExportFormat format) throws Exception {
        String text = export(fixture, format);
        List<String> lines = text.lines().toList();
        List<Map<String, String>> rows = new ArrayList<>();
        if (format == ExportFormat.CSV) {
            List<String> header = csvFields(lines.get(0)).stream()
                    .map(h -> h.contains(" (") ? h.substring(0, h.indexOf(" (")) : h)
                    .toList();
            for (String line : lines.subList(1, lines.size())) {
                List<String> f = csvFields(line);
                assertThat(f).hasSameSizeAs(header);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < f.size(); i++) {
                    row.put(header.get(i), f.get(i).isEmpty() ? null : f.get(i));
                }
                rows.add(row);
            }
        } else {
            JsonNode head = JSON.readTree(lines.get(0));
            assertThat(head.get("format").asText()).isEqualTo("procmon-export");
            assertThat(head.get("version").asInt()).isEqualTo(1);
            for (String line : lines.subList(1, lines.size())) {
                JsonNode j = JSON.readTree(line);
                Map<String, String> row = new LinkedHashMap<>();
                j.properties()
                        .forEach(e -> row.put(
                                e.getKey(),
                                e.getValue().isNull()
                                        ? null
                                        : e.getValue().isContainerNode()
                                                ? e.getValue().toString()
                                                : e.getValue().asText()));
                rows.add(row);
            }
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSV", "JSONL"})
    void everyFieldOfEverySampleComesBackAsLogged(String formatName) throws Exception {
        ExportFormat format = ExportFormat.valueOf(formatName);
        for (String fixture : List.of("phases.log", "io.log", "labels.log", "totaldepth-linux.log")) {
            List<LogSample> log = samples(fixture);
            List<Map<String, String>> rows = rows(fixture, format);
            assertThat(rows).as(fixture).hasSize(log.size());
            for (int i = 0; i < log.size(); i++) {
                Map<String, String> row = rows.get(i);
                for (Map.Entry<String, Double> e : log.get(i).values().entrySet()) {
                    if (e.getKey().equals("pid") || !isSchemaField(e.getKey())) {
                        continue;
                    }
                    assertThat(row).as("%s row %d", fixture, i).containsKey(e.getKey());
                    assertThat(Double.parseDouble(row.get(e.getKey())))
                            .as("%s row %d %s", fixture, i, e.getKey())
                            .isEqualTo(e.getValue());
                }
                assertThat(Long.parseLong(row.get("pid")))
                        .isEqualTo(log.get(i).values().get("pid").longValue());
                assertThat(labels(row.get("labels")))
                        .as("%s row %d labels", fixture, i)
                        .isEqualTo(log.get(i).labels());
            }
        }
    }

    /** Keys of the schema: TotalDepth's Linux extras (shared, text, iowait ...) are not exported. */
    private static boolean isSchemaField(String path) {
        for (dev.procmon.core.LogField f : dev.procmon.core.LogField.values()) {
            if (f.path().equals(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> labels(String json) throws Exception {
        List<String> out = new ArrayList<>();
        if (json != null) {
            for (JsonNode l : JSON.readTree(json)) {
                out.add(l.get("text").asText()
                        + (l.has("phase") ? "/" + l.get("phase").asText() : ""));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSV", "JSONL"})
    void derivedFiguresAreRecomputedFromTheLoggedOnes(String formatName) throws Exception {
        List<LogSample> log = samples("io.log");
        List<Map<String, String>> rows = rows("io.log", ExportFormat.valueOf(formatName));
        double prevT = 0;
        double prevRead = 0;
        double prevCpu = 0;
        for (int i = 0; i < log.size(); i++) {
            Map<String, Double> v = log.get(i).values();
            double t = v.get("elapsed_time");
            double cpu = v.get("cpu_times.user") + v.get("cpu_times.system");
            double read = v.get("io_counters.read_bytes");
            Map<String, String> row = rows.get(i);
            assertThat(Double.parseDouble(row.get("cpu_time"))).isCloseTo(cpu, within(1e-12));
            assertThat(Double.parseDouble(row.get("mean_cpu_pct"))).isCloseTo(cpu / t * 100, within(1e-9));
            assertThat(Double.parseDouble(row.get("cpu_pct")))
                    .isCloseTo((cpu - prevCpu) / (t - prevT) * 100, within(1e-9));
            assertThat(Double.parseDouble(row.get("io_counters.read_bytes_per_s")))
                    .isCloseTo((read - prevRead) / (t - prevT), within(1e-9));
            prevT = t;
            prevRead = read;
            prevCpu = cpu;
        }
    }

    @Test
    void theCsvHeaderNamesEveryUnitAndMissingValuesAreEmpty() throws Exception {
        String header =
                export("labels.log", ExportFormat.CSV).lines().findFirst().orElseThrow();
        assertThat(header).startsWith("pid,run,timestamp (local time),elapsed_time (s),memory_info.rss (bytes),");
        assertThat(header)
                .contains(
                        ",memory_info.pfaults (count),",
                        ",cpu_time (s),cpu_pct (%),mean_cpu_pct (%),",
                        ",memory_info.pfaults_per_s (1/s),");
        assertThat(header).endsWith(",labels");
        assertThat(header).as("no jvm object in labels.log, so no jvm column").doesNotContain("jvm.");
    }

    @Test
    void runsExportedTogetherShareOneHeaderAndWhatARunLacksIsEmpty() throws Exception {
        List<ProcessRun> runs =
                new ArrayList<>(ProcmonLog.read(Fixtures.log("phases.log")).runs());
        runs.addAll(ProcmonLog.read(Fixtures.log("labels.log")).runs());
        StringWriter w = new StringWriter();
        LogExport.write(runs, ExportFormat.CSV, w);
        List<String> lines = w.toString().lines().toList();
        List<String> header = csvFields(lines.get(0));
        int heap = header.indexOf("jvm.heap_used (bytes)");
        assertThat(heap).isPositive();
        assertThat(lines).hasSize(1 + 10 + 10);
        assertThat(csvFields(lines.get(1)).get(heap)).isEqualTo("5242880");
        assertThat(csvFields(lines.get(11)).get(0)).isEqualTo("600");
        assertThat(csvFields(lines.get(11)).get(heap)).isEmpty();
    }

    @Test
    void theJsonlHeaderListsTheColumnsWithUnits() throws Exception {
        JsonNode head = JSON.readTree(
                export("io.log", ExportFormat.JSONL).lines().findFirst().orElseThrow());
        Map<String, String> units = new LinkedHashMap<>();
        head.get("columns")
                .forEach(c -> units.put(c.get("name").asText(), c.get("unit").asText()));
        assertThat(units)
                .containsEntry("io_counters.read_bytes", "bytes")
                .containsEntry("io_counters.read_bytes_per_s", "bytes/s")
                .containsEntry("elapsed_time", "s")
                .containsEntry("cpu_pct", "%");
    }

    @Test
    void hostileLabelsStayInsideTheirCellAndLine() throws Exception {
        String csv = export("escaping.log", ExportFormat.CSV);
        List<LogSample> log = samples("escaping.log");
        assertThat(csv.lines().count()).isEqualTo(log.size() + 1);
        assertThat(csv.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f))
                .as("ASCII, one line per row")
                .isTrue();
        for (String line : csv.lines().skip(1).toList()) {
            for (String field : csvFields(line)) {
                assertThat(field).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
            }
        }
        String jsonl = export("escaping.log", ExportFormat.JSONL);
        assertThat(jsonl.lines().count()).isEqualTo(log.size() + 1);
    }
}
