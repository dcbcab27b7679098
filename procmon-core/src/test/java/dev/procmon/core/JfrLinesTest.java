package dev.procmon.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line rules of a JFR conversion, on events put together by hand. */
class JfrLinesTest {

    private static JfrEvents.Point point(long millis, JfrEvents.Kind kind, double a, double b, String text) {
        return new JfrEvents.Point(millis * 1_000_000L, kind, -1, a, b, 0, 0, 0, text);
    }

    @Test
    void aPauseBeforeAnyFigureWaitsForTheFirstLineThatHasOneAndNoLineIsEmpty() throws IOException {
        JfrEvents events = new JfrEvents();
        events.pid = 42;
        events.jvmStartEpochNanos = 500_000_000L;
        events.hardwareThreads = 2;
        events.points.addAll(List.of(
                point(1_000, JfrEvents.Kind.GC, 30, 30, "G1New (G1 Evacuation Pause)"),
                point(1_001, JfrEvents.Kind.HEAP, 5_000_000, 8_000_000, null),
                point(2_000, JfrEvents.Kind.CPU, 0.25, 0.0, null),
                point(3_000, JfrEvents.Kind.CPU, 0.5, 0.0, null)));
        StringWriter out = new StringWriter();
        JfrLog.Conversion c = new JfrLines(events, out, 20, new SampleLineWriter(ZoneOffset.UTC)).write(List.of());
        List<ParsedLine> lines = out.toString().lines().map(ParsedLine::parse).toList();
        assertThat(lines).hasSize(c.lines()).hasSize(4);
        assertThat(c.labels()).isEqualTo(1);
        assertThat(lines)
                .allMatch(l ->
                        l.values().containsKey("jvm.heap_used") || l.values().containsKey("cpu_times.user"));
        assertThat(lines.get(0).values())
                .containsEntry("label", "GC pause 30 ms: G1New (G1 Evacuation Pause)")
                .containsEntry("jvm.heap_used", "5000000")
                .containsEntry("jvm.gc_count", "1");
        // 0.5 of 2 CPUs for the second between the loads: one CPU second.
        assertThat(lines.get(3).values()).containsEntry("cpu_times.user", "1.0").containsEntry("elapsed_time", "2.5");
        assertThat(lines.get(3).marker()).isEqualTo(LogFormat.MARKER_STOP);
    }
}
