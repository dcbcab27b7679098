package dev.procmon.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The report's column encoding round-trips: decoded here by the rules the page's {@code decodeColumn}
 * follows (inflate, byte planes, zigzag deltas, code 0 = missing), every value comes back within half
 * a step, missing values stay missing. The page's own decoder is exercised by the browser tests.
 */
final class ColumnCodecTest {

    static double[] decode(ColumnCodec.Encoded e, int n) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(Base64.getDecoder().decode(e.data()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!inflater.finished()) {
            int k = inflater.inflate(buf);
            if (k == 0 && inflater.needsInput()) {
                break;
            }
            out.write(buf, 0, k);
        }
        inflater.end();
        byte[] planes = out.toByteArray();
        assertThat(planes).hasSize(n * e.width());
        double[] values = new double[n];
        long code = 0;
        for (int i = 0; i < n; i++) {
            long v = 0;
            for (int b = e.width() - 1; b >= 0; b--) {
                v = v * 256 + (planes[b * n + i] & 0xff);
            }
            code = e.delta() ? code + ((v & 1) == 1 ? -(v + 1) / 2 : v / 2) : v;
            values[i] = code == 0 ? Double.NaN : (code - 1 + e.min()) * e.step();
        }
        return values;
    }

    @Property(tries = 200)
    void everyValueComesBackWithinHalfAStep(@ForAll("columns") double[] values, @ForAll("steps") double step)
            throws DataFormatException {
        ColumnCodec.Encoded e = ColumnCodec.encode(values, step);
        double[] back = decode(e, values.length);
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                assertThat(back[i])
                        .isCloseTo(
                                values[i],
                                org.assertj.core.data.Offset.offset(e.step() / 2 * 1.000001 + Math.ulp(values[i]) * 4));
            } else {
                assertThat(back[i]).isNaN();
            }
        }
    }

    @Provide
    Arbitrary<double[]> columns() {
        Arbitrary<Double> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.doubles().between(-1e6, 1e9)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY)),
                net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(0, 3)));
        return value.array(double[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<Double> steps() {
        return Arbitraries.of(1e-3, 0.5, 1.0, 1024.0);
    }

    @Test
    void aSmoothColumnIsStoredAsDeltasAndAJumpyOneAsItIs() throws DataFormatException {
        double[] ramp = new double[10_000];
        double[] noise = new double[10_000];
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = 1000 + i * 0.25;
            noise[i] = random.nextInt(200);
        }
        ColumnCodec.Encoded smooth = ColumnCodec.encode(ramp, 0.001);
        assertThat(smooth.delta()).isTrue();
        assertThat(smooth.data().length()).isLessThan(1000);
        assertThat(decode(smooth, ramp.length)[9999])
                .isCloseTo(1000 + 9999 * 0.25, org.assertj.core.data.Offset.offset(1e-9));
        ColumnCodec.Encoded jumpy = ColumnCodec.encode(noise, 1);
        assertThat(jumpy.delta()).isFalse();
        assertThat(jumpy.width()).isEqualTo(1);
    }

    @Test
    void codesTooWideForFourBytesMakeTheStepCoarser() {
        ColumnCodec.Encoded e = ColumnCodec.encode(new double[] {0, 1e12}, 1e-3);
        assertThat(e.width()).isLessThanOrEqualTo(4);
        assertThat(e.step()).isGreaterThan(1e-3);
    }

    @Test
    void stepsAreOneTwoFiveMultiplesOfPowersOfTen() {
        assertThat(ColumnCodec.step(1000, 250, 1e-6)).isEqualTo(2.0);
        assertThat(ColumnCodec.step(105, 250, 1e-6)).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ColumnCodec.step(0, 250, 1e-6)).isEqualTo(1e-6);
        assertThat(ColumnCodec.step(Double.NaN, 250, 1e-6)).isEqualTo(1e-6);
    }
}
