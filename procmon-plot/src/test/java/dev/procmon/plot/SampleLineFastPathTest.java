package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.procmon.core.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test of {@link SampleLineFastPath} against the Jackson path
 * ({@link SampleLineParser#parseWithJackson}): wherever the fast path accepts a line, Jackson must
 * accept it too with exactly the same {@link Sample}; where the fast path declines, Jackson decides,
 * so {@link SampleLineParser#parse} always equals Jackson's verdict.
 */
class SampleLineFastPathTest {

    private static final String M = LogFormat.MARKER;

    /** What a parse produced, comparable (doubles by bits: -0.0 is not 0.0, NaN equals NaN). */
    record Result(boolean ok, long pid, boolean hasPid, List<Long> values, long timestamp, String label, String phase) {
        static Result of(boolean ok, Sample s) {
            if (!ok) {
                return new Result(false, 0, false, List.of(), 0, null, null);
            }
            List<Long> bits = new ArrayList<>();
            for (double v : s.values) {
                bits.add(Double.doubleToLongBits(v));
            }
            return new Result(true, s.pid, s.hasPid, bits, s.timestampMicros, s.label, s.phase);
        }
    }

    /** The two paths on one JSON text; returns whether the fast path handled it itself. */
    private static boolean agree(String json) {
        return agree(json.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean agree(byte[] bytes) {
        // Offsets inside a larger array, as the scanner passes them.
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        Sample fast = new Sample();
        boolean fastOk = new SampleLineFastPath().parse(padded, 3, 3 + bytes.length, fast);
        Sample jackson = new Sample();
        SampleLineParser parser = new SampleLineParser();
        boolean jacksonOk = parser.parseWithJackson(padded, 3, bytes.length, jackson);
        Result expected = Result.of(jacksonOk, jackson);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (fastOk) {
            assertThat(Result.of(true, fast)).as("fast path on %s", text).isEqualTo(expected);
        }
        Sample combined = new Sample();
        assertThat(Result.of(parser.parse(padded, 3, bytes.length, combined), combined))
                .as("parse on %s", text)
                .isEqualTo(expected);
        return fastOk;
    }

    // --- fixtures ---

    @Test
    void everyFixtureLineParsesAsJacksonDoes() throws IOException {
        Path dir = Fixtures.log("multi-pid.log").getParent();
        int lines = 0;
        int fast = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                for (byte[] json : sampleObjects(f)) {
                    lines++;
                    if (agree(json)) {
                        fast++;
                    }
                }
            }
        }
        assertThat(lines).isGreaterThan(20);
        // Most fixture lines are ordinary: the fast path must take them, not defer everything.
        assertThat(fast).isGreaterThan(lines / 2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "procmon-jvm.log",
                "totaldepth-linux.log",
                "totaldepth-macos.log",
                "multi-pid.log",
                "escaping.log",
                "reused-pid.log",
                "totaldepth-2019-no-pid.log",
                "every-field.log"
            })
    void ordinaryFixturesTakeTheFastPath(String name) throws IOException {
        for (byte[] json : sampleObjects(Fixtures.log(name))) {
            assertThat(agree(json)).as(new String(json, StandardCharsets.UTF_8)).isTrue();
        }
    }

    /** The JSON part (from the first '{' after the marker) of every marker line in a fixture. */
    private static List<byte[]> sampleObjects(Path f) throws IOException {
        byte[] all;
        try (InputStream in = Files.newInputStream(f)) {
            all = f.toString().endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        }
        List<byte[]> out = new ArrayList<>();
        String text = new String(all, StandardCharsets.ISO_8859_1); // byte-preserving
        for (String line : text.split("\n")) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            int m = line.indexOf(M);
            int brace = m < 0 ? -1 : line.indexOf('{', m);
            if (brace >= 0) {
                out.add(line.substring(brace).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    // --- tricky cases ---

    private static String line(String elapsed, String extra) {
        return "{\"timestamp\": \"2026-11-24 14:10:05.051630\", \"memory_info\": {\"rss\": 10485760, \"pfaults\": 7, "
                + "\"children_pfaults\": 3, \"children_pageins\": 1}, "
                + "\"cpu_times\": {\"user\": 0.5, \"system\": 0.25}, \"elapsed_time\": " + elapsed + ", \"pid\": 42"
                + extra + "}";
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e5",
                "1E5",
                "1.5e-3",
                "1E400",
                "-0.0",
                "-0",
                "-1.0",
                "NaN",
                "Infinity",
                "-Infinity",
                "0",
                "0.0",
                "00.5",
                "01",
                ".5",
                "5.",
                "+1",
                "1.0e",
                "0x10",
                "null",
                "true",
                "\"1.0\"",
                "[1]",
                "{}",
                "12345678901234567890",
                "123456789012345678",
                "1234567890123456789",
                "0.1234567890123456789012345",
                "9007199254740993.0",
                "9007199254740992.5",
                "0.30000000000000004",
                "0.10263395309448242",
                "1.00000000000000000000000000001",
                "123456789.000000000000000000001",
                "1.7976931348623157",
                "4.9",
                "0.0000000000000000000000001",
                "1000000000000000000000000.5"
            })
    void numbersAgree(String elapsed) {
        agree(line(elapsed, ""));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "7",
                "12345678",
                "123456789",
                "99999999",
                "100000000",
                "1234567890123456",
                "12345678901234567",
                "123456789012345678",
                "999999999999999999",
                "1234567890123456789",
                "9223372036854775807",
                "9223372036854775808",
                "1234567/",
                "1234567:",
                "12345678/",
                "12345678:9",
                "1234567812345678.5",
                "12345678.12345678"
            })
    void integersEightDigitsAtATimeAgree(String n) {
        // As rss (integer required), as pid, and as a counter; the 8-byte window sees what follows.
        String elapsed = n.matches("[0-9.]+") ? n : "1.0";
        agree("{\"memory_info\": {\"rss\": " + n + "}, \"elapsed_time\": " + elapsed + ", \"pid\": " + n + "}");
        agree("{\"memory_info\": {\"rss\": " + n + ", \"pfaults\": " + n + "}, \"elapsed_time\": 2.0}");
        if (n.matches("[0-9]+")) {
            assertThat(agree("{\"memory_info\": {\"rss\": " + n + "}, \"elapsed_time\": 1.0, \"pid\": 1}"))
                    .isEqualTo(n.length() <= 18);
        }
    }

    @Test
    void veryLongDigitStringsAgree() {
        agree(line("1" + "0".repeat(999), ""));
        agree(line("1" + "0".repeat(1500), ""));
        agree(line("0." + "3".repeat(999), ""));
        agree(line("0." + "3".repeat(1500), ""));
        agree(line("1" + "2".repeat(60) + "." + "5", ""));
    }

    @Test
    void anEmptyObjectAsTheWriterWritesItTakesTheFastPath() {
        // The writer always writes cpu_times, as {} when no CPU figure is known (jqwik found the fast
        // path deferring such lines).
        assertThat(agree("{\"memory_info\": {\"rss\": 1}, \"cpu_times\": {}, \"elapsed_time\": 1.0, \"pid\": 5}"))
                .isTrue();
        assertThat(agree("{\"memory_info\": {\"rss\": 1}, \"cpu_times\": { }, \"elapsed_time\": 1.0}"))
                .isTrue();
    }

    @Test
    void plainDecimalsAreHandledByTheFastPath() {
        assertThat(agree(line("12.427716", ""))).isTrue();
        assertThat(agree(line("0.10263395309448242", ""))).isTrue(); // > 15 digits: Double.parseDouble
        assertThat(agree(line("1e5", ""))).isFalse();
        assertThat(agree(line("-0.0", ""))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ", \"label\": \"plain\"",
                ", \"label\": \"say \\\"hi\\\" \\\\ \\/ \\b\\f\\n\\r\\t end\"",
                ", \"label\": \"\\u00e9\\u2028\\ud83d\\ude00 \\uD83D lone \\udc00\"",
                ", \"label\": \"\\uZZZZ\"",
                ", \"label\": \"\\x41\"",
                ", \"label\": \"\\u12\"",
                ", \"label\": \"tab\there\"",
                ", \"label\": \"caf\u00e9 raw utf-8\"",
                ", \"label\": \"\ud83d\ude00\"",
                ", \"label\": \"\"",
                ", \"label\": null",
                ", \"label\": 5",
                ", \"label\": {\"a\": 1}",
                ", \"label\": \"unterminated",
                ", \"label\": \"one\", \"label\": \"two\"",
                ", \"pid\": 43",
                ", \"pid\": -1",
                ", \"elapsed_time\": 9.0",
                ", \"memory_info\": {\"rss\": 5}",
                ", \"num_procs\": 3, \"labels_dropped\": 2",
                ", \"num_procs\": null, \"labels_dropped\": null",
                ", \"num_procs\": -3",
                ", \"num_procs\": 1.5",
                ", \"unknown\": 1, \"other\": \"x\", \"n\": null",
                ", \"unknown\": {\"deep\": [1, 2, {\"x\": null}]}",
                ", \"unknown\": [1, 2]",
                ", \"unknown\": true",
                ", \"jvm\": {\"heap_used\": 20971520, \"heap_committed\": 134217728, \"non_heap_used\": 31457280, "
                        + "\"gc_count\": 1, \"gc_time\": 0.004, \"threads\": 12}",
                ", \"jvm\": null",
                ", \"num_threads\": 12, \"num_fds\": 40",
                ", \"num_threads\": null, \"num_fds\": 1.5",
                ", \"num_threads\": -1",
                ", \"num_ctx_switches\": {\"voluntary\": 120, \"involuntary\": 7}",
                ", \"num_ctx_switches\": null",
                ", \"num_ctx_switches\": {\"voluntary\": 1, \"voluntary\": 2}",
                ", \"io_counters\": {\"read_bytes\": 4096, \"write_bytes\": 0, \"read_chars\": 123456789012, "
                        + "\"write_chars\": 99}",
                ", \"io_counters\": {\"read_bytes\": -4096}",
                ", \"io_counters\": {\"read_bytes\": null, \"other\": \"x\"}",
                ", \"io_counters\": []",
                ", \"cgroup\": {\"memory_max\": 536870912, \"memory_current\": 104857600}",
                ", \"cgroup\": {\"memory_current\": 104857600}",
                ", \"cgroup\": null",
                ", \"label\": \"indexing\", \"phase\": \"start\"",
                ", \"label\": \"indexing\", \"phase\": \"end\"",
                ", \"phase\": \"start\"",
                ", \"label\": \"x\", \"phase\": null",
                ", \"label\": \"x\", \"phase\": 3",
                ", \"label\": \"x\", \"phase\": \"st\\u0061rt\"",
                ", \"label\": \"x\", \"phase\": \"start\", \"phase\": \"end\"",
                ", \"jvm\": {\"heap_used\": null, \"extra\": 7}",
                ", \"jvm\": {\"heap_used\": 1, \"heap_used\": 2}",
                ", \"jvm\": {\"heap_used\": -1}",
                ", \"jvm\": {}",
                ", \"jvm\": { }",
                ", \"cpu_times\": {}, \"io_counters\": {}",
                ", \"jvm\": 5",
                ", \"jvm\": {\"heap_used\": 1,}",
                ",",
                ", ",
                " , \"label\" : \"spaced\" ",
                "\t,\r\n\"label\":\"ws\"",
                ", \"p\\u0069d\": 7",
                ", \"timestamp\": \"2026-11-24 14:10:05\"",
                ", \"timestamp\": \"2026-11-24T14:10:05.1\"",
                ", \"timestamp\": \"2026-13-24 14:10:05\"",
                ", \"timestamp\": \"2026-11-24 14:10:05.05163\\u0030\"",
                ", \"timestamp\": 1234",
                ", \"timestamp\": null",
                ", \"timestamp\": \"a much longer string than any timestamp could ever be\"",
            })
    void trickyMembersAgree(String extra) {
        agree(line("1.0", extra));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"memory_info\": {\"rss\": 1048576}, \"elapsed_time\": 1.0, \"pid\": 5}",
                "{\"pid\": 5, \"elapsed_time\": 1.0, \"memory_info\": {\"pfaults\": 3, \"rss\": 1048576}}",
                "{\"cpu_times\": {\"system\": 0.2, \"user\": 0.1}, \"pid\": 5, \"memory_info\": {\"rss\": 1}, \"elapsed_time\": 3}",
                "{\"memory_info\": {\"rss\": 1048576}, \"elapsed_time\": 1.0}",
                "{\"memory_info\": {\"rss\": 1.0}, \"elapsed_time\": 1.0, \"pid\": 5}",
                "{\"memory_info\": {\"rss\": 1e6}, \"elapsed_time\": 1.0, \"pid\": 5}",
                "{\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"pid\": 5.0}",
                "{\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"pid\": 12345678901234567890}",
                "{\"memory_info\": {\"rss\": 1}, \"memory_info\": {\"rss\": 2}, \"elapsed_time\": 1.0, \"pid\": 5}",
                "{\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"elapsed_time\": 2.0, \"pid\": 5}",
                "{\"memory_info\": {\"rss\": 1, \"rss\": 2}, \"elapsed_time\": 1.0, \"pid\": 5}",
                "{\"memory_info\": null, \"elapsed_time\": 1.0, \"pid\": 5}",
                "{\"memory_info\": {}, \"elapsed_time\": 1.0, \"pid\": 5}",
                "{\"memory_info\": {\"rss\": 1}, \"cpu_times\": {}, \"elapsed_time\": 1.0, \"pid\": 5}",
                "{\"memory_info\": {\"rss\": 1}, \"cpu_times\": null, \"elapsed_time\": 1.0, \"pid\": 5}",
                "{\"memory_info\": {\"rss\": 1}, \"cpu_times\": 3, \"elapsed_time\": 1.0, \"pid\": 5}",
                "{\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"pid\": 5} trailing garbage",
                "{\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"pid\": 5}}",
                "{\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"pid\": 5",
                "{\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"pid\": 5,}",
                "{\"memory_info\": {\"rss\": 1} \"elapsed_time\": 1.0, \"pid\": 5}",
                "{\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"pid\": nullx}",
                "{\"memory_info\": {\"rss\": 1}, \"elapsed_time\": 1.0, \"pid\": 5, \"num_procs\": nul}",
                "{\"memory_info\": {\"rss\": 1}, 'elapsed_time': 1.0, \"pid\": 5}",
                "  {  \"memory_info\"  :  {  \"rss\"  :  1  }  ,  \"elapsed_time\"  :  1.0  ,  \"pid\"  :  5  }  ",
                "{}",
                "{",
                "",
            })
    void trickyObjectsAgree(String json) {
        agree(json);
    }

    @Test
    void longKeysAndStringsAgree() {
        agree(line("1.0", ", \"" + "k".repeat(70_000) + "\": 1"));
        agree(line("1.0", ", \"" + "k".repeat(64) + "\": 1"));
        agree(line("1.0", ", \"" + "k".repeat(65) + "\": 1"));
        assertThat(agree(line("1.0", ", \"label\": \"" + "x".repeat(100_000) + "\"")))
                .isTrue();
    }

    @Test
    void invalidUtf8AndControlBytesAgree() {
        byte[] base = line("1.0", ", \"label\": \"ab\"").getBytes(StandardCharsets.US_ASCII);
        int at = new String(base, StandardCharsets.US_ASCII).indexOf("ab");
        for (int v : new int[] {0x00, 0x01, 0x1f, 0x7f, 0x80, 0xc3, 0xe2, 0xff}) {
            byte[] b = base.clone();
            b[at] = (byte) v;
            agree(b);
        }
    }

    // --- generated lines ---

    @Property(tries = 300)
    void generatedLinesAgree(@ForAll("lines") String json) {
        agree(json);
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.longs().map(SampleLineFastPathTest::generate);
    }

    private static final String[] NUMBERS = {
        "0",
        "1",
        "0.0",
        "-0.0",
        "1e5",
        "1E400",
        "NaN",
        "-1",
        "01",
        "1.",
        "null",
        "\"7\"",
        "12345678901234567890",
        "0.30000000000000004",
        "123456789012345.678",
        "0.000000000000000000123",
        "0.0000000123",
        "9007199254740993",
        "900719925474099.3",
        "12345678.12345678"
    };

    /** A sample line from a seed: mostly procmon's shape, sometimes bent in one of many ways. */
    private static String generate(long seed) {
        Random r = new Random(seed);
        List<String> top = new ArrayList<>();
        top.add(member(
                "timestamp",
                r.nextInt(10) == 0
                        ? "\"2026-02-30 00:00:00\""
                        : "\"2026-11-24 14:10:" + (10 + r.nextInt(50)) + "."
                                + String.format("%06d", r.nextInt(1_000_000)) + "\""));
        top.add(member(
                "memory_info",
                object(
                        r,
                        List.of(
                                member(
                                        "rss",
                                        r.nextInt(20) == 0 ? number(r) : Long.toString(r.nextLong() >>> r.nextInt(64))),
                                member("vms", number(r)),
                                member("pfaults", number(r)),
                                member("pageins", number(r)),
                                member("children_pfaults", number(r)),
                                member("children_pageins", number(r)),
                                member("pss", number(r)),
                                member("uss", number(r))))));
        top.add(member(
                "cpu_times",
                r.nextInt(20) == 0
                        ? "null"
                        : object(
                                r,
                                List.of(
                                        member("user", number(r)),
                                        member("system", number(r)),
                                        member("children_user", number(r)),
                                        member("children_system", number(r))))));
        top.add(member("elapsed_time", number(r)));
        top.add(member("pid", r.nextInt(20) == 0 ? number(r) : Integer.toString(r.nextInt(4_000_000))));
        if (r.nextBoolean()) {
            top.add(member(
                    "jvm",
                    object(
                            r,
                            List.of(
                                    member("heap_used", number(r)),
                                    member("heap_committed", number(r)),
                                    member("non_heap_used", number(r)),
                                    member("gc_count", number(r)),
                                    member("gc_time", number(r)),
                                    member("threads", number(r))))));
        }
        if (r.nextInt(4) == 0) {
            top.add(member("num_procs", number(r)));
        }
        if (r.nextBoolean()) {
            top.add(member("num_threads", number(r)));
            top.add(member("num_fds", number(r)));
            top.add(member(
                    "num_ctx_switches",
                    object(r, List.of(member("voluntary", number(r)), member("involuntary", number(r))))));
        }
        if (r.nextBoolean()) {
            top.add(member(
                    "io_counters",
                    r.nextInt(20) == 0
                            ? "null"
                            : object(
                                    r,
                                    List.of(
                                            member("read_bytes", number(r)), member("write_bytes", number(r)),
                                            member("read_chars", number(r)), member("write_chars", number(r))))));
        }
        if (r.nextInt(3) == 0) {
            top.add(member(
                    "cgroup",
                    object(r, List.of(member("memory_max", number(r)), member("memory_current", number(r))))));
        }
        if (r.nextInt(4) == 0) {
            top.add(member("labels_dropped", number(r)));
        }
        if (r.nextBoolean()) {
            top.add(member("label", label(r)));
            if (r.nextInt(3) == 0) {
                top.add(member("phase", r.nextInt(10) == 0 ? number(r) : r.nextBoolean() ? "\"start\"" : "\"end\""));
            }
        }
        if (r.nextInt(8) == 0) {
            top.add(member("extra_" + r.nextInt(3), number(r)));
        }
        if (r.nextInt(15) == 0) {
            top.add(top.get(r.nextInt(top.size()))); // a duplicate key
        }
        if (r.nextInt(10) == 0) {
            top.remove(r.nextInt(top.size()));
        }
        if (r.nextInt(6) == 0) {
            Collections.shuffle(top, r);
        }
        return object(r, top);
    }

    private static String member(String key, String value) {
        return "\"" + key + "\": " + value;
    }

    private static String object(Random r, List<String> members) {
        List<String> m = new ArrayList<>(members);
        if (r.nextInt(10) == 0) {
            Collections.shuffle(m, r);
        }
        String sep = r.nextInt(10) == 0 ? new String[] {",", " ,  ", ",\t", ",\r\n "}[r.nextInt(4)] : ", ";
        String s = "{" + String.join(sep, m) + "}";
        if (r.nextInt(10) == 0) {
            s = s.replace(": ", r.nextBoolean() ? ":" : " :  ");
        }
        return s;
    }

    private static String number(Random r) {
        switch (r.nextInt(8)) {
            case 0:
                return NUMBERS[r.nextInt(NUMBERS.length)];
            case 1:
                return Long.toString(r.nextLong() >>> r.nextInt(64));
            case 2:
                return Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(30) - 10)); // may have an exponent
            case 3: {
                StringBuilder sb = new StringBuilder().append(1 + r.nextInt(9));
                int n = r.nextInt(25);
                for (int i = 0; i < n; i++) {
                    sb.append(r.nextInt(10));
                }
                sb.append('.');
                n = 1 + r.nextInt(25);
                for (int i = 0; i < n; i++) {
                    sb.append(r.nextInt(10));
                }
                return sb.toString();
            }
            default:
                return (r.nextInt(100_000)) + "."
                        + String.format("%06d", r.nextInt(1_000_000)).replaceAll("0+$", "0");
        }
    }

    private static String label(Random r) {
        int n = r.nextInt(12);
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            char c = kind < 5
                    ? (char) (' ' + r.nextInt(95))
                    : kind < 8 ? (char) r.nextInt(0x80) : (char) r.nextInt(0x10000);
            switch (r.nextInt(4)) {
                case 0 -> sb.append(String.format("\\u%04x", (int) c));
                case 1 -> sb.append(String.format("\\u%04X", (int) c));
                default -> {
                    switch (c) {
                        case '"' -> sb.append("\\\"");
                        case '\\' -> sb.append("\\\\");
                        case '\n' -> sb.append(r.nextBoolean() ? "\\n" : "\n");
                        case '/' -> sb.append(r.nextBoolean() ? "\\/" : "/");
                        default -> sb.append(c); // raw: controls and non-ASCII (UTF-8 encoded) included
                    }
                }
            }
        }
        if (r.nextInt(30) == 0) {
            sb.append("\\q");
        }
        return sb.append('"').toString();
    }
}
