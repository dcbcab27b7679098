package dev.procmon.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Reduces a line to at most four points per pixel column (first, minimum, maximum, last, in their
 * original order), so a drawing stays small whatever the sample count while every peak and trough
 * still shows. NaN values break the line into separate runs.
 */
final class PolylineDecimator {

    private PolylineDecimator() {}

    /** Maps a data value to a pixel coordinate. */
    interface Mapping {
        double toPixel(double v);
    }

    /** Returns runs of pixel coordinates {@code x0, y0, x1, y1, ...}. */
    static List<double[]> decimate(double[] x, double[] y, PixelMap mx, PixelMap my) {
        List<double[]> runs = new ArrayList<>();
        Run run = new Run();
        long column = Long.MIN_VALUE;
        Bucket b = new Bucket();
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                b.flush(run);
                run.finish(runs);
                column = Long.MIN_VALUE;
                continue;
            }
            double px = mx.toPixel(x[i]);
            double py = my.toPixel(y[i]);
            long c = (long) Math.floor(px);
            if (c != column) {
                b.flush(run);
                column = c;
                b.start(px, py);
            } else {
                b.add(px, py);
            }
        }
        b.flush(run);
        run.finish(runs);
        return runs;
    }

    /** One pixel column: first, last, min and max (in pixel y) with their order. */
    private static final class Bucket {
        boolean open;
        double firstX;
        double firstY;
        double lastX;
        double lastY;
        double minX;
        double minY;
        double maxX;
        double maxY;
        int count;
        int minAt;
        int maxAt;

        void start(double px, double py) {
            open = true;
            firstX = lastX = minX = maxX = px;
            firstY = lastY = minY = maxY = py;
            count = 1;
            minAt = maxAt = 0;
        }

        void add(double px, double py) {
            if (py < minY) {
                minY = py;
                minX = px;
                minAt = count;
            }
            if (py > maxY) {
                maxY = py;
                maxX = px;
                maxAt = count;
            }
            lastX = px;
            lastY = py;
            count++;
        }

        void flush(Run run) {
            if (!open) {
                return;
            }
            open = false;
            run.add(firstX, firstY);
            if (minAt <= maxAt) {
                run.add(minX, minY);
                run.add(maxX, maxY);
            } else {
                run.add(maxX, maxY);
                run.add(minX, minY);
            }
            run.add(lastX, lastY);
        }
    }

    /** A growing run of points that drops exact repeats. */
    private static final class Run {
        double[] xy = new double[64];
        int n;

        void add(double px, double py) {
            if (n >= 2 && xy[n - 2] == px && xy[n - 1] == py) {
                return;
            }
            if (n + 2 > xy.length) {
                xy = java.util.Arrays.copyOf(xy, xy.length * 2);
            }
            xy[n++] = px;
            xy[n++] = py;
        }

        void finish(List<double[]> runs) {
            if (n > 0) {
                runs.add(java.util.Arrays.copyOf(xy, n));
            }
            n = 0;
        }
    }
}
