package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code NAME.summary.json}: the fields docs/summary-json.md promises, read back by a JSON library. */
class SummaryJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode written(String fixture) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryJson.write(out, fixture, RunSummary.of(RunSummaryTest.table(fixture)));
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void runFieldsAndPhasesWithTheirUnits() throws Exception {
        JsonNode j = written("phases.log");
        assertThat(j.get("format").asText()).isEqualTo("procmon-summary");
        assertThat(j.get("version").asInt()).isEqualTo(1);
        assertThat(j.get("log").asText()).isEqualTo("phases.log");
        assertThat(j.get("pid").asLong()).isEqualTo(500);
        assertThat(j.get("peak_rss_bytes").isIntegralNumber()).isTrue();
        assertThat(j.get("peak_rss_bytes").asLong()).isEqualTo(100L << 20);
        assertThat(j.get("peak_rss_at_s").asDouble()).isEqualTo(9.0);
        assertThat(j.get("peak_rss_time").asText()).isEqualTo("2026-11-24T14:10:19");
        assertThat(j.get("cpu_s").asDouble()).isEqualTo(7.5);
        assertThat(j.get("mean_cpu_pct").asDouble()).isEqualTo(75.0);
        assertThat(j.get("gc_time_s").asDouble()).isEqualTo(0.1);
        assertThat(j.get("io_read_bytes").isNull())
                .as("not in the log: null, not 0")
                .isTrue();
        JsonNode phases = j.get("phases");
        assertThat(phases).hasSize(6);
        JsonNode load = phases.get(0);
        assertThat(load.get("name").asText()).isEqualTo("load");
        assertThat(load.get("kind").asText()).isEqualTo("phase");
        assertThat(load.get("closed").asBoolean()).isTrue();
        assertThat(load.get("start_s").asDouble()).isEqualTo(2.0);
        assertThat(load.get("end_s").asDouble()).isEqualTo(5.0);
        assertThat(load.get("cpu_s").asDouble())
                .as("rounded to 9 digits, not 1.7999999999999998")
                .isEqualTo(1.8);
        assertThat(load.get("rss_change_bytes").asLong()).isEqualTo(60L << 20);
        assertThat(phases.get(3).get("closed").asBoolean()).isFalse();
    }

    @Test
    void theExampleInTheDocsIsWhatProcmonWritesForPhasesLog() throws Exception {
        String doc = Files.readString(Path.of("../docs/summary-json.md"));
        int from = doc.indexOf("```json\n") + "```json\n".length();
        JsonNode example = JSON.readTree(doc.substring(from, doc.indexOf("```", from)));
        JsonNode actual = written("phases.log");
        // The example shows the first phase only; everything it shows must be exactly what is written.
        JsonNode firstPhase = actual.get("phases").get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) actual)
                .putArray("phases")
                .add(firstPhase);
        assertThat(actual).isEqualTo(example);
    }

    @Test
    void labelIntervalsAndMissingJvmFigures() throws Exception {
        JsonNode j = written("labels.log");
        assertThat(j.get("heap_peak_bytes").isNull()).isTrue();
        List<String> kinds = new ArrayList<>();
        j.get("phases").forEach(p -> kinds.add(p.get("kind").asText()));
        assertThat(kinds).containsExactly("label_interval", "label_interval", "label_interval");
        assertThat(j.get("phases").get(0).get("mean_cpu_pct").isNull())
                .as("zero-length span")
                .isTrue();
    }

    @Test
    void hostileLabelsStayValidAsciiJson() throws Exception {
        JsonNode j = written("escaping.log");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryJson.write(out, "escaping.log", RunSummary.of(RunSummaryTest.table("escaping.log")));
        byte[] bytes = out.toByteArray();
        for (byte b : bytes) {
            assertThat(b).isBetween((byte) 0x09, (byte) 0x7e);
        }
        List<String> names = new ArrayList<>();
        j.get("phases").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names)
                .isEqualTo(RunSummary.of(RunSummaryTest.table("escaping.log")).phases().stream()
                        .map(PhaseSummary::name)
                        .toList());
    }

    @Test
    void plotWritesItBesideTheImagesReplacingAPlantedLinkWithoutWritingThroughIt() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("labels.log_600.summary.json"), victim);

        LogPlotter.plot(
                List.of(Fixtures.log("labels.log")),
                out,
                PlotOptions.defaults().withFormats(java.util.Set.of(OutputFormat.SVG)));

        assertThat(Files.readString(victim)).isEqualTo("keep");
        Path summary = out.resolve("labels.log_600.summary.json");
        assertThat(summary).isRegularFile().isNotEqualTo(victim);
        assertThat(Files.isSymbolicLink(summary)).isFalse();
        assertThat(JSON.readTree(summary.toFile()).get("pid").asLong()).isEqualTo(600);
    }
}
