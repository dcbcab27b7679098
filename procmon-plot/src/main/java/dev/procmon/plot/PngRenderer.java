package dev.procmon.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a {@link Scene} into a {@link BufferedImage} with Java2D (works headless) and writes it as
 * PNG. The encoder writes through a memory-cached stream, never {@code ImageIO.write}: that would use
 * a disk cache in {@code java.io.tmpdir} and register a shutdown hook, so a full or read-only tmpdir,
 * or a plot written while the JVM shuts down (Ctrl-C during {@code record --plot}), would fail.
 */
final class PngRenderer implements ChartRenderer {

    @Override
    public void render(Scene scene, OutputStream out) throws IOException {
        BufferedImage image = new BufferedImage(scene.width(), scene.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, scene.width(), scene.height());
            double[] c = scene.clip();
            Shape clip = new Rectangle2D.Double(c[0], c[1], c[2], c[3]);
            java.util.Map<Integer, FontFallback> fonts = new java.util.HashMap<>();
            for (Mark m : scene.marks()) {
                if (m instanceof Mark.Lines lines) {
                    lines(g, lines, clip);
                } else if (m instanceof Mark.Box box) {
                    box(g, box);
                } else if (m instanceof Mark.Text text) {
                    text(g, text, fonts);
                }
            }
        } finally {
            g.dispose();
        }
        write(image, out);
    }

    private static void write(BufferedImage image, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers =
                ImageIO.getImageWriters(ImageTypeSpecifier.createFromRenderedImage(image), "png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer available");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), null);
        } finally {
            writer.dispose();
        }
    }

    private static void lines(Graphics2D g, Mark.Lines l, Shape clip) {
        g.setColor(Color.decode(l.color()));
        if (l.dash() != null && !l.clipped() && verticalOnly(l)) {
            // Dashed label markers (up to one per pixel column): each dash a filled rectangle, which
            // is far cheaper than stroking a thousand dashed paths (issue 13: PNG cost).
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            double on = l.dash()[0];
            double period = on + l.dash()[1];
            int w = Math.max(1, (int) Math.round(l.width()));
            for (double[] run : l.runs()) {
                int x = (int) Math.floor(run[0] - w / 2.0 + 0.5);
                double y0 = Math.min(run[1], run[3]);
                double y1 = Math.max(run[1], run[3]);
                for (double y = y0; y < y1; y += period) {
                    g.fillRect(x, (int) Math.round(y), w, (int) Math.round(Math.min(on, y1 - y)));
                }
            }
            return;
        }
        if (l.dash() != null) {
            // Dashed label markers are vertical and on whole pixels: drawn without antialiasing, cheaply.
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            float[] dash = new float[l.dash().length];
            for (int i = 0; i < dash.length; i++) {
                dash[i] = (float) l.dash()[i];
            }
            g.setStroke(
                    new BasicStroke((float) l.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
        } else {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(new BasicStroke((float) l.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        g.setClip(l.clipped() ? clip : null);
        Path2D.Double p = new Path2D.Double();
        for (double[] run : l.runs()) {
            p.moveTo(run[0], run[1]);
            for (int i = 2; i + 1 < run.length; i += 2) {
                p.lineTo(run[i], run[i + 1]);
            }
        }
        g.draw(p);
        g.setClip(null);
    }

    private static boolean verticalOnly(Mark.Lines l) {
        for (double[] run : l.runs()) {
            if (run.length != 4 || run[0] != run[2]) {
                return false;
            }
        }
        return true;
    }

    private static void box(Graphics2D g, Mark.Box b) {
        Rectangle2D r = new Rectangle2D.Double(b.x(), b.y(), b.width(), b.height());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (b.fill() != null) {
            Color c = Color.decode(b.fill());
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(b.fillOpacity() * 255)));
            g.fill(r);
        }
        if (b.stroke() != null) {
            g.setColor(Color.decode(b.stroke()));
            g.setStroke(new BasicStroke(1f));
            g.draw(r);
        }
    }

    private static void text(Graphics2D g, Mark.Text t, java.util.Map<Integer, FontFallback> fonts) {
        int style = t.bold() ? Font.BOLD : Font.PLAIN;
        int size = (int) Math.round(t.size());
        List<FontFallback.Run> runs = fonts.computeIfAbsent(
                        size * 2 + style, k -> new FontFallback(new Font(Font.SANS_SERIF, style, size)))
                .runs(t.text());
        double width = 0;
        for (FontFallback.Run r : runs) {
            width += g.getFontMetrics(r.font()).stringWidth(r.text());
        }
        g.setColor(Color.decode(t.color()));
        AffineTransform saved = g.getTransform();
        if (t.rotated()) {
            g.rotate(-Math.PI / 2, t.x(), t.y());
        }
        double x = t.x() - width * t.anchor();
        for (FontFallback.Run r : runs) {
            g.setFont(r.font());
            g.drawString(r.text(), (float) x, (float) t.y());
            x += g.getFontMetrics().stringWidth(r.text());
        }
        g.setTransform(saved);
    }
}
