package dev.procmon.plot;

/**
 * A linear map from data values to pixels along one axis, clamped: {@code base + (v - min) / (max -
 * min) * span} (or {@code base - ...} for a y axis, which grows downwards). A final class with plain
 * fields, so the decimation loop over every sample calls it directly rather than through an interface
 * (procmon plot runs on C1, which does not inline an interface call with several implementations).
 */
final class PixelMap implements PolylineDecimator.Mapping {

    private final double base;
    private final boolean down;
    private final double min;
    private final double range;
    private final double span;
    private final double lo;
    private final double hi;

    /**
     * @param down true if pixels grow as values fall (a y axis)
     * @param lo the smallest pixel returned
     * @param hi the largest pixel returned
     */
    PixelMap(double base, boolean down, double min, double max, double span, double lo, double hi) {
        this.base = base;
        this.down = down;
        this.min = min;
        this.range = max - min;
        this.span = span;
        this.lo = lo;
        this.hi = hi;
    }

    @Override
    public double toPixel(double v) {
        double d = (v - min) / range * span;
        return Math.max(lo, Math.min(hi, down ? base - d : base + d));
    }
}
