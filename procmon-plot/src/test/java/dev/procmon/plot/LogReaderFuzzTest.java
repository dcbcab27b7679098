package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.procmon.core.LogField;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzes {@link LogReader} (scanner and parser) with valid logs damaged in every way the issue lists,
 * and with random bytes. The default run uses {@code jqwik.tries.default} from
 * {@code junit-platform.properties}; {@code mvn -Pfuzz} raises it and runs only this tag.
 *
 * <p>Properties: nothing but {@link PlotInputException} is thrown; every accepted sample has its
 * required values in range; every line that survived the damage intact is extracted with its exact
 * values; no input hangs ({@link #HANG} is a hang detector, not a performance bound).
 */
@Tag("fuzz")
final class LogReaderFuzzTest {

    private static final Duration HANG = Duration.ofSeconds(30);
    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] MARKERS = {
        "ProcessLoggingThread-JSON", "ProcessLoggingThread-JSON-START", "ProcessLoggingThread-JSON-STOP"
    };
    /** 13 values; {@code how == 13} in the properties means "key missing". */
    private static final String[] OUT_OF_RANGE = {
        "1e400", "-1e400", "-1", "-0.5", "NaN", "Infinity", "\"12\"", "null", "true", "[]", "{}", "1e19", ""
    };

    /** One generated sample line and what the reader must make of it. */
    record Line(
            String text, long pid, double elapsed, long rss, double user, double system, double pfaults, String label) {
        Row row() {
            return new Row(pid, elapsed, rss, user, system, pfaults);
        }
    }

    /** The values of one extracted sample. */
    record Row(long pid, double elapsed, double rss, double user, double system, double pfaults) {}

    /** A damage: what it does, which line, where in it, and a free parameter. */
    record Damage(Kind kind, int line, int at, int value) {}

    enum Kind {
        DROP,
        DUPLICATE,
        FOREIGN,
        FLIP,
        NUL,
        INVALID_UTF8,
        OUT_OF_RANGE,
        DEEP
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<List<Line>> logs() {
        return line().list().ofMinSize(1).ofMaxSize(25).map(LogReaderFuzzTest::distinctElapsed);
    }

    private static Arbitrary<Line> line() {
        Arbitrary<Long> pid = Arbitraries.longs().between(1, 4_194_304);
        Arbitrary<Long> rss = Arbitraries.longs().between(0, 1L << 50);
        Arbitrary<Double> elapsed = Arbitraries.doubles().between(0, 1e7);
        Arbitrary<Double> cpu = Arbitraries.doubles().between(0, 1e5);
        Arbitrary<Double> pfaults = Arbitraries.oneOf(
                Arbitraries.just(Double.NaN),
                Arbitraries.longs().between(0, 1L << 40).map(Long::doubleValue));
        Arbitrary<String> label = Arbitraries.oneOf(Arbitraries.just((String) null), labels());
        Arbitrary<Integer> layoutAndMarker = Arbitraries.integers().between(0, 4 * MARKERS.length - 1);
        return Combinators.combine(pid, rss, elapsed, cpu, cpu, pfaults, label, layoutAndMarker)
                .as((p, r, e, u, s, f, l, lm) -> line(p, r, e, u, s, f, l, lm % 4, lm / 4));
    }

    /** Hostile but encodable label text: quotes, backslashes, line breaks, NUL, non-ASCII. */
    static Arbitrary<String> labels() {
        return Arbitraries.strings()
                .withChars("\"\\\n\r\u0000\u2028\u2029<>&'`$; {}[]")
                .withCharRange('a', 'z')
                .withCharRange('\u00e0', '\u00ff')
                .withCharRange('\u4e00', '\u4e10')
                .ofMaxLength(40);
    }

    private static Line line(
            long pid,
            long rss,
            double elapsed,
            double user,
            double system,
            double pfaults,
            String label,
            int layout,
            int marker) {
        boolean pidInJson = layout != 0;
        String prefix = switch (layout) {
            case 0, 1 -> "2019-10-31 14:09:53,726 - - " + pid + " - (ProcMon   ) - INFO     - ";
            case 2 -> "2026-11-24 14:10:06.051 [ProcMon] INFO  procmon - ";
            default -> "";
        };
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("timestamp", "2019-10-31 14:09:53.726676");
            g.writeObjectFieldStart("memory_info");
            g.writeNumberField("rss", rss);
            g.writeNumberField("vms", rss + 4096);
            if (!Double.isNaN(pfaults)) {
                g.writeNumberField("pfaults", (long) pfaults);
            }
            g.writeEndObject();
            g.writeObjectFieldStart("cpu_times");
            g.writeNumberField("user", user);
            g.writeNumberField("system", system);
            g.writeEndObject();
            g.writeNumberField("elapsed_time", elapsed);
            if (pidInJson) {
                g.writeNumberField("pid", pid);
            }
            if (label != null) {
                g.writeStringField("label", label);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Line(prefix + MARKERS[marker] + " " + w, pid, elapsed, rss, user, system, pfaults, label);
    }

    /** Lines of one pid with equal elapsed times are merged by design; keep the generated ones apart. */
    private static List<Line> distinctElapsed(List<Line> lines) {
        Set<Double> seen = new HashSet<>();
        List<Line> r = new ArrayList<>();
        for (Line l : lines) {
            if (seen.add(l.elapsed())) {
                r.add(l);
            }
        }
        return r;
    }

    @Provide
    Arbitrary<List<Damage>> damages() {
        return Combinators.combine(
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.integers().between(0, 1 << 16))
                .as(Damage::new)
                .list()
                .ofMaxSize(8);
    }

    // ---------------------------------------------------------------- properties

    @Property
    void damagedLogsYieldEveryIntactLineExactlyAndNothingOutOfRange(
            @ForAll("logs") List<Line> lines,
            @ForAll("damages") List<Damage> damages,
            @ForAll boolean crlf,
            @ForAll @IntRange(min = 0, max = 100) int cutPercent,
            @ForAll @Size(max = 200) byte[] foreign)
            throws IOException {
        List<byte[]> bytes = new ArrayList<>();
        List<Line> intact = new ArrayList<>();
        for (Line l : lines) {
            bytes.add(l.text().getBytes(StandardCharsets.UTF_8));
            intact.add(l);
        }
        for (Damage d : damages) {
            damage(bytes, intact, d, foreign);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('#'); // never the gzip magic
        out.write('\n');
        List<Integer> ends = new ArrayList<>();
        for (byte[] b : bytes) {
            out.write(b);
            if (crlf) {
                out.write('\r');
            }
            out.write('\n');
            ends.add(out.size());
        }
        byte[] file = out.toByteArray();
        // Truncation keeps only the lines whose line end survives (100 % keeps the whole file).
        int cut = cutPercent == 100 ? file.length : (int) ((long) file.length * cutPercent / 100);
        for (int i = 0; i < ends.size(); i++) {
            if (ends.get(i) > cut) {
                intact.set(i, null);
            }
        }
        byte[] content = Arrays.copyOf(file, cut);
        ParsedLog parsed = read(content);
        List<Line> expected = intact.stream().filter(l -> l != null).toList();
        assertThat(parsed != null || expected.isEmpty())
                .as("a log with an intact sample line is plottable")
                .isTrue();
        if (parsed != null) {
            for (SampleTable t : parsed.tables()) {
                for (int i = 0; i < t.size(); i++) {
                    assertInRange(new Row(
                            t.pid(),
                            t.column(LogField.ELAPSED_TIME).get(i),
                            t.column(LogField.RSS).get(i),
                            t.column(LogField.USER).get(i),
                            t.column(LogField.SYSTEM).get(i),
                            t.column(LogField.PFAULTS).get(i)));
                }
            }
        }

        // Every accepted line, before SampleTable merges lines that repeat a sample's elapsed time
        // (by design: that is how queued labels are logged, and a damaged copy may precede its original).
        List<Row> rows = new ArrayList<>();
        List<String> labelTexts = new ArrayList<>();
        scan(content, rows, labelTexts);
        rows.forEach(LogReaderFuzzTest::assertInRange);
        for (Line l : expected) {
            assertThat(rows).as("intact line %s", l.text()).contains(l.row());
            if (l.label() != null) {
                assertThat(labelTexts).contains(l.label());
            }
        }
    }

    /** Scans like {@link LogReader} does, but keeps every accepted line. */
    private static void scan(byte[] content, List<Row> rows, List<String> labelTexts) {
        SampleLineParser parser = new SampleLineParser();
        Sample s = new Sample();
        assertTimeoutPreemptively(
                HANG,
                () -> new LogScanner().scan(new java.io.ByteArrayInputStream(content), new LogScanner.Sink() {
                    @Override
                    public void sampleLine(MarkedLine line) {
                        if (parser.parse(line.bytes, line.jsonFrom, line.jsonLength(), s)) {
                            long pid = s.hasPid ? s.pid : TotalDepthLayout.pid(line);
                            if (pid < 0) {
                                return;
                            }
                            rows.add(new Row(
                                    pid,
                                    s.get(LogField.ELAPSED_TIME),
                                    s.get(LogField.RSS),
                                    s.get(LogField.USER),
                                    s.get(LogField.SYSTEM),
                                    s.get(LogField.PFAULTS)));
                            if (s.label != null) {
                                labelTexts.add(s.label);
                            }
                        }
                    }

                    @Override
                    public void malformedLine(long lineNumber) {}
                }));
    }

    @Property
    void aLineMissingARequiredValueOrWithOneOutOfRangeIsNeverASample(
            @ForAll("logs") List<Line> lines,
            @ForAll @IntRange(min = 0, max = 2) int which,
            @ForAll @IntRange(min = 0, max = 13) int how)
            throws IOException {
        String text = lines.get(0).text();
        String key = new String[] {"\"rss\": ", "\"elapsed_time\": ", "\"pid\": "}[which];
        int at = text.indexOf(key);
        if (at < 0 || which == 2 && how == OUT_OF_RANGE.length) {
            return; // pid is optional: a TotalDepth line takes it from its layout
        }
        int from = at + key.length();
        int to = from;
        while (to < text.length() && text.charAt(to) != ',' && text.charAt(to) != '}') {
            to++;
        }
        String value = how == OUT_OF_RANGE.length ? null : OUT_OF_RANGE[how];
        if ("1e19".equals(value)) {
            value = which == 0 ? "1.5" : which == 1 ? "-1e-300" : "1e19"; // rss and pid must be integers
        }
        String bad = value == null
                ? text.substring(0, at) + "\"renamed\": " + text.substring(from) // the key is missing
                : text.substring(0, from) + value + text.substring(to);
        ParsedLog parsed = read((bad + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(parsed).as(bad).isNull();
    }

    @Property
    void deepNestingIsSkippedOrMalformedNeverACrash(
            @ForAll("logs") List<Line> lines,
            @ForAll @IntRange(min = 1, max = 100_000) int depth,
            @ForAll boolean closed)
            throws IOException {
        Line l = lines.get(0);
        String text = l.text();
        int brace = text.indexOf('{');
        String deep = "\"deep\": " + "[".repeat(depth) + (closed ? "]".repeat(depth) : "") + ", ";
        String nested = text.substring(0, brace + 1) + deep + text.substring(brace + 1);
        ParsedLog parsed = read((nested + "\n").getBytes(StandardCharsets.UTF_8));
        if (parsed != null) {
            assertThat(closed).isTrue();
            assertThat(parsed.tables().get(0).column(LogField.RSS).get(0)).isEqualTo((double) l.rss());
        }
    }

    @Property
    void randomBytesAroundMarkersNeverThrowAnythingButPlotInputException(
            @ForAll @Size(max = 3) List<@Size(max = 2000) byte[]> chunks, @ForAll boolean marker) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            out.write(c);
            if (marker) {
                out.write("ProcessLoggingThread-JSON {".getBytes(StandardCharsets.US_ASCII));
            }
        }
        ParsedLog parsed = read(out.toByteArray());
        if (parsed != null) {
            parsed.tables().forEach(t -> {
                for (int i = 0; i < t.size(); i++) {
                    assertInRange(new Row(
                            t.pid(),
                            t.column(LogField.ELAPSED_TIME).get(i),
                            t.column(LogField.RSS).get(i),
                            t.column(LogField.USER).get(i),
                            t.column(LogField.SYSTEM).get(i),
                            t.column(LogField.PFAULTS).get(i)));
                }
            });
        }
    }

    /** 10 MB lines are expensive to build, so this one keeps few tries even under {@code -Pfuzz}. */
    @Property(tries = 4)
    void aTenMegabyteLineIsMalformedAndItsNeighboursSurvive(
            @ForAll("logs") List<Line> lines,
            @ForAll @IntRange(min = 0, max = 255) int fill,
            @ForAll boolean withMarker)
            throws IOException {
        Line l = lines.get(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(11 << 20);
        out.write((l.text() + "\n").getBytes(StandardCharsets.UTF_8));
        if (withMarker) {
            out.write("x ProcessLoggingThread-JSON {\"label\": \"".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] huge = new byte[10 << 20];
        Arrays.fill(huge, (byte) (fill == '\n' ? 0 : fill));
        out.write(huge);
        out.write('\n');
        out.write((l.text().replace("ProcessLoggingThread", "x ProcessLoggingThread") + "\n")
                .getBytes(StandardCharsets.UTF_8));

        ParsedLog parsed = read(out.toByteArray());

        assertThat(parsed).isNotNull();
        assertThat(parsed.tables().get(0).column(LogField.RSS).get(0)).isEqualTo((double) l.rss());
        assertThat(parsed.malformedLines()).isEqualTo(withMarker ? 1 : 0);
    }

    // ---------------------------------------------------------------- helpers

    private static void damage(List<byte[]> bytes, List<Line> intact, Damage d, byte[] foreign) {
        if (bytes.isEmpty()) {
            return;
        }
        int i = d.line() % bytes.size();
        byte[] b = bytes.get(i);
        switch (d.kind()) {
            case DROP -> {
                bytes.remove(i);
                intact.remove(i);
            }
            case DUPLICATE -> {
                bytes.add(i, b.clone());
                intact.add(i, intact.get(i));
            }
            case FOREIGN -> {
                byte[] f = foreign.clone();
                for (int k = 0; k < f.length; k++) {
                    if (f[k] == '\n') {
                        f[k] = ' ';
                    }
                }
                bytes.add(i, f);
                intact.add(i, null);
            }
            case FLIP -> {
                if (b.length > 0) {
                    b[d.at() % b.length] ^= (byte) (1 + d.value() % 255);
                    intact.set(i, null);
                }
            }
            case NUL -> insert(bytes, intact, i, d.at(), new byte[1 + d.value() % 8]);
            case INVALID_UTF8 ->
                insert(
                        bytes,
                        intact,
                        i,
                        d.at(),
                        new byte[][] {
                                    {(byte) 0xff},
                                    {(byte) 0xc3, '('},
                                    {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                                    {(byte) 0xc0, (byte) 0x80}
                                }
                                [d.value() % 4]);
            case OUT_OF_RANGE -> {
                String s = new String(b, StandardCharsets.UTF_8);
                String key = new String[] {"\"rss\": ", "\"elapsed_time\": ", "\"pid\": ", "\"user\": ", "\"pfaults\": "
                        }
                        [d.at() % 5];
                int at = s.indexOf(key);
                if (at >= 0) {
                    int from = at + key.length();
                    int to = from;
                    while (to < s.length() && s.charAt(to) != ',' && s.charAt(to) != '}') {
                        to++;
                    }
                    bytes.set(
                            i,
                            (s.substring(0, from) + OUT_OF_RANGE[d.value() % OUT_OF_RANGE.length] + s.substring(to))
                                    .getBytes(StandardCharsets.UTF_8));
                    intact.set(i, null);
                }
            }
            case DEEP -> {
                int brace = indexOf(b, (byte) '{');
                if (brace >= 0) {
                    int depth = 1 + d.at() % 5000;
                    String deep =
                            "\"deep\": " + "[".repeat(depth) + (d.value() % 2 == 0 ? "]".repeat(depth) : "") + ", ";
                    insert(bytes, intact, i, brace + 1, deep.getBytes(StandardCharsets.US_ASCII));
                }
            }
            default -> throw new IllegalStateException(d.kind().toString());
        }
    }

    private static void insert(List<byte[]> bytes, List<Line> intact, int i, int at, byte[] what) {
        byte[] b = bytes.get(i);
        int p = b.length == 0 ? 0 : at % (b.length + 1);
        byte[] r = new byte[b.length + what.length];
        System.arraycopy(b, 0, r, 0, p);
        System.arraycopy(what, 0, r, p, what.length);
        System.arraycopy(b, p, r, p + what.length, b.length - p);
        bytes.set(i, r);
        intact.set(i, null);
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static void assertInRange(Row r) {
        assertThat(r.pid()).isNotNegative();
        assertThat(r.elapsed()).isFinite().isGreaterThanOrEqualTo(0);
        // rss may be missing since JFR recordings without it plot (RssOptionalTest); when present it is
        // a whole, finite, non-negative number of bytes.
        if (!Double.isNaN(r.rss())) {
            assertThat(r.rss()).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(r.rss() % 1).isZero();
        }
        for (double counter : new double[] {r.user(), r.system(), r.pfaults()}) {
            assertThat(Double.isNaN(counter) || counter >= 0 && !Double.isInfinite(counter))
                    .isTrue();
        }
    }

    /**
     * Reads {@code content} as a log within {@link #HANG}.
     *
     * @return the parsed log, or null if it has no valid sample (the documented {@link PlotInputException})
     */
    private static ParsedLog read(byte[] content) throws IOException {
        Path file = Files.createTempFile("fuzz", ".log");
        try {
            Files.write(file, content);
            return assertTimeoutPreemptively(HANG, () -> {
                try {
                    return LogReader.read(List.of(file), ProgressListener.NONE);
                } catch (PlotInputException e) {
                    assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("\n");
                    return null;
                }
            });
        } finally {
            Files.delete(file);
        }
    }
}
