package dev.procmon.plot;

import java.util.List;

/**
 * Everything a chart draws, in drawing order, on a {@code width} x {@code height} canvas with a white
 * background: what {@link ChartLayout} produces and every renderer draws.
 *
 * @param clip the plot area: {@code x, y, width, height}; marks with {@code clipped} are cut to it
 */
// ArrayRecordComponent: the arrays are the hot, read-only columns handed to the renderers; records are never compared
// or hashed.
@SuppressWarnings("ArrayRecordComponent")
record Scene(int width, int height, double[] clip, String title, List<Mark> marks) {}
