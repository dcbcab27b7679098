package dev.procmon.plot;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The samples of the HTML report's first view, embedded beside the full-resolution columns so the
 * page can draw the whole run before it has decoded them: the run cut into {@link #BUCKETS} equal
 * runs of samples, and in each the samples holding every series' minimum and maximum (a min/max
 * envelope, as the SVG's per-pixel decimation keeps peaks), plus the first and last sample and every
 * labelled sample. A run of at most {@code 2 * BUCKETS} samples is kept whole.
 */
final class Overview {

    /**
     * About a chart's width in pixels: the first view is drawn from these until every sample is
     * decoded (a second or so later), then at full resolution.
     */
    static final int BUCKETS = 1000;

    private Overview() {}

    /** Returns the sample indices, ascending. */
    static int[] indices(int n, List<double[]> series, List<SampleTable.Label> labels) {
        if (n <= 2 * BUCKETS) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        BitSet keep = new BitSet(n);
        keep.set(0);
        keep.set(n - 1);
        labels.forEach(l -> keep.set(l.index()));
        for (double[] v : series) {
            for (int b = 0; b < BUCKETS; b++) {
                int from = (int) ((long) b * n / BUCKETS);
                int to = (int) ((long) (b + 1) * n / BUCKETS);
                int lo = -1;
                int hi = -1;
                for (int i = from; i < to; i++) {
                    double y = v[i];
                    if (!Double.isFinite(y)) {
                        continue;
                    }
                    if (lo < 0 || y < v[lo]) {
                        lo = i;
                    }
                    if (hi < 0 || y > v[hi]) {
                        hi = i;
                    }
                }
                if (lo >= 0) {
                    keep.set(lo);
                    keep.set(hi);
                }
            }
        }
        return keep.stream().toArray();
    }

    /** Returns {@code values} at {@code indices}. */
    static double[] at(double[] values, int[] indices) {
        double[] out = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = values[indices[k]];
        }
        return out;
    }
}
