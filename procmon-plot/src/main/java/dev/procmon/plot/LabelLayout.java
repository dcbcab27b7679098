package dev.procmon.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Places label texts, rotated to read upwards beside their vertical markers, so that no two texts
 * overlap: first all in one band the height of the plot; if neighbours crowd, in two or three
 * staggered bands (each text shortened to its band, with an ellipsis); a text that still has no room
 * is left out (its marker stays).
 */
final class LabelLayout {

    static final int MAX_BANDS = 3;
    /** Average glyph advance as a fraction of the font size (an estimate both renderers honour). */
    static final double CHAR_WIDTH = 0.58;

    /**
     * A marker at pixel {@code x}; its text (null if left out) starts at {@code textBottom} and reads
     * upwards, its baseline at {@code x + fontSize}.
     */
    record Placed(double x, String text, double textBottom) {
    }

    private LabelLayout() {
    }

    static List<Placed> place(List<Double> xs, List<String> texts, double top, double bottom, double fontSize) {
        List<Placed> best = null;
        for (int bands = 1; bands <= MAX_BANDS; bands++) {
            List<Placed> placed = tryBands(xs, texts, top, bottom, fontSize, bands);
            best = placed;
            if (placed.stream().allMatch(p -> p.text() != null)) {
                break;
            }
        }
        return best == null ? List.of() : best;
    }

    private static List<Placed> tryBands(List<Double> xs, List<String> texts, double top, double bottom,
            double fontSize, int bands) {
        double bandHeight = (bottom - top) / bands;
        int maxChars = Math.max(4, (int) ((bandHeight - 10) / (fontSize * CHAR_WIDTH)));
        double[] bandRight = new double[bands];
        java.util.Arrays.fill(bandRight, Double.NEGATIVE_INFINITY);
        List<Placed> placed = new ArrayList<>(xs.size());
        for (int i = 0; i < xs.size(); i++) {
            double x = xs.get(i);
            String text = texts.get(i);
            if (text.codePointCount(0, text.length()) > maxChars) {
                text = text.substring(0, text.offsetByCodePoints(0, maxChars - 1)) + "\u2026";
            }
            Placed p = new Placed(x, null, bottom);
            for (int b = 0; b < bands; b++) {
                if (x >= bandRight[b]) {
                    bandRight[b] = x + fontSize + 3;
                    p = new Placed(x, text, top + bandHeight * (b + 1) - 6);
                    break;
                }
            }
            placed.add(p);
        }
        return placed;
    }
}
