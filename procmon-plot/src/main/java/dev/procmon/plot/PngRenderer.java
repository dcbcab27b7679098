package dev.procmon.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/** Draws a chart into a {@link BufferedImage} with Java2D (works headless) and writes it as PNG. */
final class PngRenderer implements ChartRenderer {

    private static final Color GRID = new Color(0xdddddd);
    private static final Color AXIS = new Color(0x333333);

    @Override
    public void render(ChartLayout l, OutputStream out) throws IOException {
        BufferedImage image = new BufferedImage(ChartLayout.WIDTH, ChartLayout.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, ChartLayout.WIDTH, ChartLayout.HEIGHT);
            draw(g, l);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available");
        }
    }

    private static void draw(Graphics2D g, ChartLayout l) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, (int) ChartLayout.FONT);
        double left = ChartLayout.LEFT;
        double right = ChartLayout.RIGHT;
        double top = ChartLayout.TOP;
        double bottom = ChartLayout.BOTTOM;
        g.setStroke(new BasicStroke(1f));
        g.setColor(GRID);
        for (double t : l.x.ticks()) {
            line(g, l.px(t), top, l.px(t), bottom);
        }
        for (double t : l.y.ticks()) {
            double y = ChartLayout.py(l.y, t);
            line(g, left, y, right, y);
        }
        g.setColor(AXIS);
        g.draw(new java.awt.geom.Rectangle2D.Double(left, top, right - left, bottom - top));
        g.setFont(font);
        for (double t : l.x.ticks()) {
            text(g, l.x.label(t), l.px(t), bottom + 18, 0.5);
        }
        for (double t : l.y.ticks()) {
            text(g, l.y.label(t), left - 6, ChartLayout.py(l.y, t) + 4, 1);
        }
        for (double t : l.y2.ticks()) {
            text(g, l.y2.label(t), right + 6, ChartLayout.py(l.y2, t) + 4, 0);
        }
        text(g, l.chart.xTitle(), (left + right) / 2, ChartLayout.HEIGHT - 22, 0.5);
        rotated(g, l.chart.yTitle(), 22, (top + bottom) / 2, 0.5);
        rotated(g, l.chart.y2Title(), ChartLayout.WIDTH - 16, (top + bottom) / 2, 0.5);
        g.setFont(font.deriveFont(Font.BOLD, (float) ChartLayout.TITLE_FONT));
        text(g, OutputEscaper.plain(l.chart.title()), ChartLayout.WIDTH / 2.0, 30, 0.5);

        for (ChartLayout.Line line : l.lines) {
            g.setColor(Color.decode(line.series().color()));
            g.setStroke(new BasicStroke((float) line.series().width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (double[] run : line.runs()) {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(run[0], run[1]);
                for (int i = 2; i < run.length; i += 2) {
                    p.lineTo(run[i], run[i + 1]);
                }
                g.draw(p);
            }
        }

        g.setColor(new Color(0x555555));
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        for (LabelLayout.Placed p : l.labels) {
            line(g, p.x(), top, p.x(), bottom);
        }
        g.setColor(new Color(0x222222));
        g.setFont(font.deriveFont((float) ChartLayout.LABEL_FONT));
        for (LabelLayout.Placed p : l.labels) {
            if (p.text() != null) {
                rotated(g, p.text(), p.x() + ChartLayout.LABEL_FONT, p.textBottom(), 0);
            }
        }

        g.setFont(font);
        int hidden = l.hiddenLabelTexts();
        int rows = l.lines.size() + (hidden > 0 ? 1 : 0);
        double width = 300;
        double x = right - width - 8;
        double y = top + 8;
        g.setColor(new Color(255, 255, 255, 217));
        g.fill(new java.awt.geom.Rectangle2D.Double(x, y, width, rows * 18 + 8));
        g.setColor(new Color(0xbbbbbb));
        g.setStroke(new BasicStroke(1f));
        g.draw(new java.awt.geom.Rectangle2D.Double(x, y, width, rows * 18 + 8));
        double row = y + 18;
        for (ChartLayout.Line line : l.lines) {
            g.setColor(Color.decode(line.series().color()));
            g.setStroke(new BasicStroke((float) Math.max(2, line.series().width())));
            line(g, x + 10, row - 4, x + 38, row - 4);
            g.setColor(AXIS);
            text(g, line.series().name(), x + 46, row, 0);
            row += 18;
        }
        if (hidden > 0) {
            g.setColor(AXIS);
            text(g, hidden + (hidden == 1 ? " label text" : " label texts") + " left out (crowded)", x + 46, row, 0);
        }
    }

    private static void line(Graphics2D g, double x1, double y1, double x2, double y2) {
        g.draw(new java.awt.geom.Line2D.Double(x1, y1, x2, y2));
    }

    /** Draws {@code s} with its baseline at y, {@code anchor} 0 = start, 0.5 = middle, 1 = end. */
    private static void text(Graphics2D g, String s, double x, double y, double anchor) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, (float) (x - fm.stringWidth(s) * anchor), (float) y);
    }

    private static void rotated(Graphics2D g, String s, double x, double y, double anchor) {
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        text(g, s, x, y, anchor);
        g.setTransform(saved);
    }
}
