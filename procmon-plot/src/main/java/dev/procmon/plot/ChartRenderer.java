package dev.procmon.plot;

import java.io.IOException;
import java.io.OutputStream;

/** Draws a {@link Scene} in one output format, mark by mark, deciding nothing about the picture. */
interface ChartRenderer {

    void render(Scene scene, OutputStream out) throws IOException;
}
