package dev.procmon.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Places labels: one dashed marker per {@link #MARKER_SPACING}-pixel slot that holds labels (the first
 * label of the slot; so at most about 260 markers, however many labels a log has), and the marker's text
 * rotated to read upwards beside it so that no two texts overlap: first all in one band the height
 * of the plot; if neighbours crowd, in two or three staggered bands (each text shortened to its band,
 * with an ellipsis, the whole text kept as a tooltip); a text that still has no room is left out (its
 * marker stays).
 */
final class LabelLayout {

    static final int MAX_BANDS = 3;
    /**
     * Markers are at least this many pixels apart (the first label of each slot gets one): denser
     * dashed markers merge into stripes that hide the data.
     */
    static final double MARKER_SPACING = 4;
    /** Average glyph advance as a fraction of the font size (an estimate both renderers honour). */
    static final double CHAR_WIDTH = 0.58;

    /**
     * A marker at pixel {@code x} for {@code label}; {@code text} is what is drawn (null if left out),
     * starting at {@code textBottom} and reading upwards, its baseline at {@code x + fontSize};
     * {@code shortened} is true if {@code text} is not the whole label.
     */
    record Placed(
            Chart.ChartLabel label, double x, @Nullable String text, boolean shortened, double textBottom) {}

    /** The placements, and how many labels there were in all. */
    record Result(List<Placed> placed, int total) {

        int textsShown() {
            int n = 0;
            for (Placed p : placed) {
                if (p.text() != null) {
                    n++;
                }
            }
            return n;
        }

        /** Returns true if some label has no marker of its own or no text. */
        boolean capped() {
            return textsShown() < total;
        }

        /** Returns e.g. {@code 12 labels, all shown} or {@code 10310 labels: 1030 markers, 220 texts shown (crowded)}.
         */
        String describe() {
            if (!capped()) {
                return total + (total == 1 ? " label" : " labels") + ", all shown";
            }
            return String.format(
                    Locale.ROOT,
                    "%d labels: %d %s, %d %s shown (crowded)",
                    total,
                    placed.size(),
                    placed.size() == 1 ? "marker" : "markers",
                    textsShown(),
                    textsShown() == 1 ? "text" : "texts");
        }
    }

    private LabelLayout() {}

    static Result place(
            List<Chart.ChartLabel> labels,
            PolylineDecimator.Mapping px,
            double left,
            double right,
            double top,
            double bottom,
            double fontSize) {
        // One marker per slot, in x order.
        Integer[] order = new Integer[labels.size()];
        double[] xs = new double[labels.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            xs[i] = px.toPixel(labels.get(i).x());
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> xs[i]));
        List<Chart.ChartLabel> kept = new ArrayList<>();
        List<Double> keptX = new ArrayList<>();
        long column = Long.MIN_VALUE;
        for (int i : order) {
            double x = xs[i];
            if (!(x >= left - 0.5 && x <= right + 0.5)) {
                continue;
            }
            long c = (long) Math.floor(x / MARKER_SPACING);
            if (c != column) {
                column = c;
                kept.add(labels.get(i));
                keptX.add(x);
            }
        }
        List<Placed> best = List.of();
        for (int bands = 1; bands <= MAX_BANDS; bands++) {
            List<Placed> placed = tryBands(kept, keptX, top, bottom, fontSize, bands);
            best = placed;
            if (placed.stream().allMatch(p -> p.text() != null)) {
                break;
            }
        }
        return new Result(best, labels.size());
    }

    private static List<Placed> tryBands(
            List<Chart.ChartLabel> labels, List<Double> xs, double top, double bottom, double fontSize, int bands) {
        double bandHeight = (bottom - top) / bands;
        int maxChars = Math.max(4, (int) ((bandHeight - 10) / (fontSize * CHAR_WIDTH)));
        double[] bandRight = new double[bands];
        Arrays.fill(bandRight, Double.NEGATIVE_INFINITY);
        List<Placed> placed = new ArrayList<>(xs.size());
        for (int i = 0; i < xs.size(); i++) {
            double x = xs.get(i);
            String text = OutputEscaper.plain(labels.get(i).text());
            boolean shortened = false;
            if (text.codePointCount(0, text.length()) > maxChars) {
                text = text.substring(0, text.offsetByCodePoints(0, maxChars - 1)) + "\u2026";
                shortened = true;
            }
            Placed p = new Placed(labels.get(i), x, null, false, bottom);
            for (int b = 0; b < bands; b++) {
                if (x >= bandRight[b]) {
                    bandRight[b] = x + fontSize + 3;
                    p = new Placed(labels.get(i), x, text, shortened, top + bandHeight * (b + 1) - 6);
                    break;
                }
            }
            placed.add(p);
        }
        return placed;
    }
}
