package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.ProcessMonitor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Hostile labels and hostile log file names through every output: the line the real
 * {@link ProcessMonitor} writes, the .dat, the .plt run by the real gnuplot, and the SVG.
 */
final class HostileTextIT {

    private static final String PWNED = "PWNED";
    private static final int MAX_LABEL = 4096;

    @TempDir
    Path dir;

    static Stream<String> hostile() {
        return Stream.of(
                "it's \"quoted\"",
                "back\\slash \\\\ \\n \\' \\\"",
                "line\nbreak",
                "carriage\rreturn\r\n",
                "separator\u2028and\u2029paragraph\u0085nel",
                "</text><script>alert(1)</script>",
                "a & b &amp; <![CDATA[x]]>",
                "ends ]]> a CDATA section ]]]]><![CDATA[>",
                "not characters \uFFFE \uFFFF in XML",
                "x' . system(\"touch PWNED\") . '",
                "x\" . system(\"touch PWNED\") . \"",
                "'; system('touch PWNED'); '",
                "`touch PWNED`",
                "'@GPVAL_PWD . system(\"touch PWNED\") . '",
                "'@GPVAL_TERMOPTIONS",
                "@GPVAL_PWD $0 !ls",
                "\"; ! touch PWNED",
                "'\n! touch PWNED\n'",
                "control \u0001\u0007\u001b[31m\u007f",
                "very long " + "\u00e9\u4e2d\"'`\\<&> ".repeat(2_000));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aHostileLabelAndLogFileNameStayTextInEveryOutput(String hostile) throws Exception {
        // 1. The real monitor writes one line per sample that round-trips the label.
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try (ProcessMonitor m = ProcessMonitor.builder()
                .interval(Duration.ofHours(1))
                .sink(lines::add)
                .start()) {
            assertThat(ProcessMonitor.label(hostile)).isTrue();
        }
        assertThat(lines)
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085"));
        List<String> labels = new ArrayList<>();
        for (String l : lines) {
            byte[] b = l.getBytes(StandardCharsets.UTF_8);
            int brace = l.substring(0, l.indexOf('{')).getBytes(StandardCharsets.UTF_8).length;
            Sample s = new Sample();
            assertThat(new SampleLineParser().parse(b, brace, b.length - brace, s))
                    .as(l)
                    .isTrue();
            if (s.label != null) {
                labels.add(s.label);
            }
        }
        // The monitor keeps the first MAX_LABEL chars of a longer label and marks the cut with an ellipsis.
        assertThat(labels)
                .containsExactly(hostile.length() <= MAX_LABEL ? hostile : hostile.substring(0, MAX_LABEL) + "\u2026");

        // 2. A log with that line, under a hostile file name.
        Path logDir = Files.createDirectories(dir.resolve("logs"));
        Path log = logDir.resolve(fileName(hostile));
        Files.write(log, lines, StandardCharsets.UTF_8);
        // A quote in the output path: gnuplot's @GPVAL_PWD macro would carry it into the script.
        Path out = dir.resolve("o'ut");
        PlotResult result =
                LogPlotter.plot(List.of(log), out, PlotOptions.defaults().withFormats(Set.of(OutputFormat.SVG)));
        assertThat(result.processes()).hasSize(1);
        ProcessSummary summary = result.processes().get(0);
        List<Path> files = summary.files();
        for (Path f : files) {
            assertThat(f.getParent()).isEqualTo(out);
            assertThat(f.getFileName().toString()).matches("[A-Za-z0-9._-]+");
        }
        String name = files.get(0).getFileName().toString().replaceAll("\\.dat$", "");

        // 3. .dat: one row per sample, nothing else.
        List<String> rows = Files.readAllLines(out.resolve(name + ".dat"), StandardCharsets.UTF_8).stream()
                .filter(r -> !r.startsWith("#"))
                .toList();
        assertThat(rows).hasSize((int)
                lines.stream().map(HostileTextIT::elapsed).distinct().count());

        // 4. SVG: well-formed XML, the label's text preserved (line breaks as spaces; long ones elided).
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(out.resolve(name + ".svg").toFile());
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        NodeList texts = doc.getElementsByTagName("text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('\n');
        }
        String printable = printable(hostile);
        assertThat(printable(all.toString())).contains(printable.substring(0, Math.min(printable.length(), 20)));

        // 5. .plt run by the real gnuplot: it draws, and runs no command.
        Assumptions.assumeTrue(GnuplotIntegrationIT.gnuplotInstalled(), "gnuplot is not installed");
        GnuplotRunner.run(out, name);
        assertThat(out.resolve(name + ".svg")).isNotEmptyFile();
        // gnuplot's SVG is well-formed XML too ("]]>", U+FFFE and lone surrogates cannot break it).
        f.newDocumentBuilder().parse(out.resolve(name + ".svg").toFile());
        assertNoPwned(dir);
        assertNoPwned(Path.of("").toAbsolutePath());
    }

    private static String elapsed(String line) {
        int at = line.indexOf("\"elapsed_time\":");
        int end = line.indexOf(',', at);
        return line.substring(at, end < 0 ? line.indexOf('}', at) : end);
    }

    /** Without whitespace and control characters, which each output may turn into spaces or drop. */
    private static String printable(String s) {
        return s.replaceAll("[\\p{Cntrl}\\s\u2028\u2029\u0085\uFFFE\uFFFF]", "");
    }

    /** The hostile text as a file name: no '/', at most 200 bytes. */
    private static String fileName(String hostile) {
        String n = hostile.replace('/', '_') + ".log";
        while (n.getBytes(StandardCharsets.UTF_8).length > 200) {
            n = n.substring(0, n.length() - 10);
        }
        return n;
    }

    private static void assertNoPwned(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root, 3)) {
            assertThat(all.filter(p -> p.getFileName() != null
                            && p.getFileName().toString().equals(PWNED)))
                    .as("files under " + root)
                    .isEmpty();
        }
    }
}
