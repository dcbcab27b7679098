package dev.procmon.plot;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.Deflater;

/**
 * The compact encoding of one column of the HTML report, so that every sample of a million-sample
 * run fits in a few megabytes: values are rounded to a step, stored as integer codes (0 for a
 * missing value, {@code round(v / step) - min + 1} otherwise), either as they are or as zigzag
 * deltas of consecutive codes (whichever has the smaller byte entropy), written as fixed-width byte planes (all
 * low bytes, then the next byte of each code, ...), deflated (zlib) and base64-encoded. The page's
 * {@code decodeColumn} is the inverse; {@code ColumnCodecTest} decodes with the same rules.
 *
 * <p>Hand-written because it is the hot path of the report and tiny; the deflate is the JDK's.
 */
final class ColumnCodec {

    /** A code must fit in 4 bytes, which the page reads without 32-bit overflow. */
    private static final long MAX_CODE = 0xFFFF_FFFFL;

    /**
     * @param data base64 of the deflated byte planes
     * @param step the rounding step
     * @param min the smallest rounded value, {@code round(v / step)}
     * @param width bytes per code
     * @param delta true if the planes hold zigzag deltas of the codes
     */
    record Encoded(String data, double step, long min, int width, boolean delta) {}

    private ColumnCodec() {}

    /**
     * @param values the column; NaN (or an infinity) is a missing value
     * @param step the rounding step, positive; multiplied by 10 until the codes fit in 4 bytes
     */
    static Encoded encode(double[] values, double step) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (double v : values) {
            if (Double.isFinite(v)) {
                long q = Math.round(v / step);
                min = Math.min(min, q);
                max = Math.max(max, q);
            }
        }
        if (min != Long.MAX_VALUE && max - min + 1 > MAX_CODE) {
            return encode(values, step * 10);
        }
        if (min == Long.MAX_VALUE) {
            min = 0;
        }
        int n = values.length;
        long[] codes = new long[n];
        long[] deltas = new long[n];
        long maxCode = 0;
        long maxDelta = 0;
        long prev = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            long c = !Double.isFinite(v) ? 0 : Math.round(v / step) - min + 1;
            long d = c - prev;
            long z = (d << 1) ^ (d >> 63);
            codes[i] = c;
            deltas[i] = z;
            maxCode = Math.max(maxCode, c);
            maxDelta = Math.max(maxDelta, z);
            prev = c;
        }
        // Deflate only the variant whose byte planes look smaller (order-0 entropy): deflating both
        // would double the cost of the report on a million samples.
        boolean useDelta =
                maxDelta <= MAX_CODE && entropyBits(deltas, width(maxDelta)) < entropyBits(codes, width(maxCode));
        long[] ints = useDelta ? deltas : codes;
        int width = width(useDelta ? maxDelta : maxCode);
        return new Encoded(Base64.getEncoder().encodeToString(deflate(ints, width)), step, min, width, useDelta);
    }

    /** The order-0 entropy of the byte planes, in bits: what a Huffman coder would need about. */
    private static double entropyBits(long[] ints, int width) {
        double bits = 0;
        int[] counts = new int[256];
        for (int b = 0; b < width; b++) {
            java.util.Arrays.fill(counts, 0);
            int shift = 8 * b;
            for (long v : ints) {
                counts[(int) (v >>> shift) & 0xff]++;
            }
            for (int c : counts) {
                if (c > 0) {
                    bits -= c * (Math.log((double) c / ints.length) / Math.log(2));
                }
            }
        }
        return bits;
    }

    /**
     * A step for a column whose values span {@code range}: the range divided into {@code levels},
     * rounded down to a 1-2-5 multiple of a power of ten so values print with few digits, and never
     * finer than {@code finest}.
     */
    static double step(double range, int levels, double finest) {
        if (!(range > 0) || Double.isInfinite(range)) {
            return finest;
        }
        double raw = range / levels;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double nice = raw >= 5 * pow ? 5 * pow : raw >= 2 * pow ? 2 * pow : pow;
        return Math.max(nice, finest);
    }

    private static int width(long max) {
        return max < 1L << 8 ? 1 : max < 1L << 16 ? 2 : max < 1L << 24 ? 3 : 4;
    }

    private static byte[] deflate(long[] ints, int width) {
        int n = ints.length;
        byte[] planes = new byte[n * width];
        for (int b = 0; b < width; b++) {
            int shift = 8 * b;
            int base = b * n;
            for (int i = 0; i < n; i++) {
                planes[base + i] = (byte) (ints[i] >>> shift);
            }
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(planes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, planes.length / 2));
            byte[] buf = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
