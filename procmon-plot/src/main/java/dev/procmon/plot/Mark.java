package dev.procmon.plot;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One thing drawn on a chart, in canvas pixels. A {@link Scene} is a list of these; renderers draw
 * each one as it is and decide nothing about where or in which colour.
 */
// ArrayRecordComponent: the arrays are the hot, read-only columns handed to the renderers; records are never compared
// or hashed.
@SuppressWarnings("ArrayRecordComponent")
sealed interface Mark {

    /**
     * Lines through points, each run {@code x0, y0, x1, y1, ...} drawn separately.
     *
     * @param color {@code #rrggbb}
     * @param width stroke width, pixels
     * @param dash dash and gap lengths, or null for a solid line
     * @param clipped true if drawn only inside {@link Scene#clip()}
     * @param runs the point runs
     */
    record Lines(String color, double width, double @Nullable [] dash, boolean clipped, List<double[]> runs)
            implements Mark {}

    /**
     * A rectangle.
     *
     * @param fill {@code #rrggbb}, or null for none
     * @param fillOpacity 0..1
     * @param stroke {@code #rrggbb} outline, or null for none
     */
    record Box(
            double x,
            double y,
            double width,
            double height,
            @Nullable String fill,
            double fillOpacity,
            String stroke) implements Mark {}

    /**
     * A line of text.
     *
     * @param x anchor point x
     * @param y baseline y (before rotation)
     * @param anchor where x is along the text: 0 start, 0.5 middle, 1 end
     * @param rotated true to read upwards (rotated -90 degrees about the anchor point)
     * @param text the text drawn (already shortened where the layout shortened it; control characters removed)
     * @param fullText the whole text when {@code text} is shortened (a tooltip), else null
     * @param size font size, pixels
     * @param bold true for a bold face
     * @param color {@code #rrggbb}
     */
    record Text(
            double x,
            double y,
            double anchor,
            boolean rotated,
            String text,
            @Nullable String fullText,
            double size,
            boolean bold,
            String color)
            implements Mark {}
}
