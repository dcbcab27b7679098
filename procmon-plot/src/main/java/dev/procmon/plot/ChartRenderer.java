package dev.procmon.plot;

import java.io.IOException;
import java.io.OutputStream;

/** Draws a {@link ChartLayout} in one output format. */
interface ChartRenderer {

    void render(ChartLayout layout, OutputStream out) throws IOException;
}
