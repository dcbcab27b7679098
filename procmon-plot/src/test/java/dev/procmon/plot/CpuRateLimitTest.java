package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 "a drawn rate is physically possible", "any number". */
class CpuRateLimitTest {

    @TempDir
    Path dir;

    @Test
    void aSkewedStepIsSpreadOverTheFollowingIntervalsNotDrawnAsASpike() {
        // 2 cores busy at 190 %, a sample every 0.1 s; the sample stamped 1.0 s was read at 0.31 s
        // (the thread blocked between the reading and its stamp, the demo's skew), so the next
        // interval, 15 ms by the stamps, holds 1.34 s of CPU.
        double[] t = {0.1, 0.2, 0.3, 1.0, 1.015, 1.1, 1.2, 1.3, 1.4};
        double[] read = {0.1, 0.2, 0.3, 0.31, 1.015, 1.1, 1.2, 1.3, 1.4};
        double[] cpu = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            cpu[i] = 1.9 * read[i];
        }
        assertThat((cpu[4] - cpu[3]) / (t[4] - t[3]) * 100).as("the raw step").isGreaterThan(8000);

        double[] r = CpuRateLimit.rates(t, cpu, 2);

        for (int i = 0; i < t.length; i++) {
            double dt = t[i] - (i == 0 ? 0 : t[i - 1]);
            assertThat(r[i]).as("interval " + i).isLessThanOrEqualTo(CpuRateLimit.limit(2, dt));
        }
        // The CPU seconds drawn add up to the CPU seconds counted.
        double drawn = 0;
        for (int i = 0; i < t.length; i++) {
            drawn += r[i] / 100 * (t[i] - (i == 0 ? 0 : t[i - 1]));
        }
        assertThat(drawn).isCloseTo(cpu[cpu.length - 1], within(1e-9));
        assertThat(r[3]).isEqualTo(r[4]).isCloseTo(190, within(1e-6));
    }

    @Test
    void aCounterThatGoesBackIsAGapNeverANegativeRate() {
        double[] t = {1, 2, 3, 4, 5};
        double[] cpu = {0.5, 1.0, 0.2, 0.7, 1.2};

        double[] r = CpuRateLimit.rates(t, cpu, 4);

        assertThat(r[2]).isNaN();
        assertThat(java.util.Arrays.stream(r)
                        .filter(v -> !Double.isNaN(v))
                        .boxed()
                        .toList())
                .hasSize(4)
                .allSatisfy(v -> assertThat(v).isCloseTo(50.0, within(1e-9)));
    }

    @Test
    void aStepNothingLaterMakesPossibleIsAGap() {
        double[] t = {1, 2, 3};
        double[] cpu = {0.5, 1e300, 1e300};

        double[] r = CpuRateLimit.rates(t, cpu, 2);

        assertThat(r[0]).isEqualTo(50.0);
        assertThat(r[1]).isNaN();
        assertThat(r[2]).as("the counter stood still after it").isZero();
    }

    @Test
    void coresComeFromTheBusiestTenSecondsWhenTheLogShowsMoreThanThisMachine() {
        int n = 200;
        double[] t = new double[n];
        double[] cpu = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (i + 1) * 0.1;
            cpu[i] = t[i] * 63.9;
        }
        assertThat(CpuRateLimit.cores(t, cpu))
                .isEqualTo(Math.max(64, Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void absurdNumbersNeverReachTheSvgAsNanOrInfinityAndTheSummaryStaysShort() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(LogLines.sample(9, 1, 1 << 20, 0.5, null));
        lines.add(LogLines.sample(9, 2, Long.MAX_VALUE, 1.7e306, "huge"));
        lines.add(LogLines.sample(9, 2.000001, 1 << 20, 1.7e306, null));
        lines.add(LogLines.sample(9, 1.79e308, 1 << 20, 1.7e306, null));
        Path log = Files.write(dir.resolve("absurd.log"), lines);

        PlotResult r = LogPlotter.plot(
                List.of(log), dir, PlotOptions.defaults().withFormats(Set.of(OutputFormat.SVG, OutputFormat.PNG)));

        String svg = Files.readString(dir.resolve("absurd.log_9.svg"));
        assertThat(svg).doesNotContain("NaN", "Infinity", "E3");
        assertThat(r.processes().get(0).describe()).hasSizeLessThan(200);
        assertThat(Files.readAllLines(dir.resolve("absurd.log_9.plt")))
                .filteredOn(l -> !l.startsWith("set datafile missing"))
                .allSatisfy(l -> assertThat(l).doesNotContain("NaN", "Infinity"));
    }
}
