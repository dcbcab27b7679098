package dev.procmon.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link Scene} as SVG with a small purpose-built writer: coordinates to 0.1 pixel, no
 * timestamps or ids that vary, so identical input gives byte-identical files. All text is
 * XML-escaped; a shortened text carries its whole text as a {@code <title>} tooltip.
 */
final class SvgRenderer implements ChartRenderer {

    /**
     * Fonts tried in order: Latin first, then faces that cover CJK and other scripts, then the
     * generic family (the viewer's own fallback).
     */
    static final String FONT_STACK = "DejaVu Sans, Noto Sans, Noto Sans CJK SC, Noto Sans CJK JP, "
            + "Source Han Sans, Microsoft YaHei, Helvetica, Arial, sans-serif";

    @Override
    public void render(Scene scene, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder(64 * 1024);
        int w = scene.width();
        int h = scene.height();
        double[] clip = scene.clip();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(w)
                .append("\" height=\"")
                .append(h)
                .append("\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h)
                .append("\" font-family=\"")
                .append(FONT_STACK)
                .append("\" font-size=\"")
                .append(num(ChartLayout.FONT))
                .append("\">\n");
        sb.append("<title>").append(OutputEscaper.xml(scene.title())).append("</title>\n");
        sb.append("<defs><clipPath id=\"plot-area\"><rect x=\"")
                .append(num(clip[0]))
                .append("\" y=\"")
                .append(num(clip[1]))
                .append("\" width=\"")
                .append(num(clip[2]))
                .append("\" height=\"")
                .append(num(clip[3]))
                .append("\"/></clipPath></defs>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (Mark m : scene.marks()) {
            if (m instanceof Mark.Lines lines) {
                lines(sb, lines);
            } else if (m instanceof Mark.Box box) {
                box(sb, box);
            } else if (m instanceof Mark.Text text) {
                text(sb, text);
            }
        }
        sb.append("</svg>\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void lines(StringBuilder sb, Mark.Lines l) {
        sb.append("<path fill=\"none\" stroke-linejoin=\"round\" stroke=\"")
                .append(l.color())
                .append("\" stroke-width=\"")
                .append(num(l.width()))
                .append('"');
        if (l.dash() != null) {
            sb.append(" stroke-dasharray=\"");
            for (int i = 0; i < l.dash().length; i++) {
                sb.append(i == 0 ? "" : " ").append(num(l.dash()[i]));
            }
            sb.append('"');
        }
        if (l.clipped()) {
            sb.append(" clip-path=\"url(#plot-area)\"");
        }
        sb.append(" d=\"");
        for (double[] run : l.runs()) {
            for (int i = 0; i + 1 < run.length; i += 2) {
                sb.append(i == 0 ? 'M' : 'L').append(num(run[i])).append(' ').append(num(run[i + 1]));
            }
        }
        sb.append("\"/>\n");
    }

    private static void box(StringBuilder sb, Mark.Box b) {
        sb.append("<rect x=\"")
                .append(num(b.x()))
                .append("\" y=\"")
                .append(num(b.y()))
                .append("\" width=\"")
                .append(num(b.width()))
                .append("\" height=\"")
                .append(num(b.height()))
                .append("\" fill=\"")
                .append(b.fill() == null ? "none" : b.fill())
                .append('"');
        if (b.fill() != null && b.fillOpacity() < 1) {
            sb.append(" fill-opacity=\"")
                    .append(DecimalText.format(b.fillOpacity(), 2))
                    .append('"');
        }
        if (b.stroke() != null) {
            sb.append(" stroke=\"").append(b.stroke()).append('"');
        }
        sb.append("/>\n");
    }

    private static void text(StringBuilder sb, Mark.Text t) {
        sb.append("<text x=\"")
                .append(num(t.x()))
                .append("\" y=\"")
                .append(num(t.y()))
                .append('"');
        if (t.anchor() != 0) {
            sb.append(" text-anchor=\"")
                    .append(t.anchor() == 1 ? "end" : "middle")
                    .append('"');
        }
        if (t.size() != ChartLayout.FONT) {
            sb.append(" font-size=\"").append(num(t.size())).append('"');
        }
        if (t.bold()) {
            sb.append(" font-weight=\"bold\"");
        }
        sb.append(" fill=\"").append(t.color()).append('"');
        if (t.rotated()) {
            sb.append(" transform=\"rotate(-90 ")
                    .append(num(t.x()))
                    .append(' ')
                    .append(num(t.y()))
                    .append(")\"");
        }
        sb.append('>');
        if (t.fullText() != null) {
            sb.append("<title>").append(OutputEscaper.xml(t.fullText())).append("</title>");
        }
        sb.append(OutputEscaper.xml(t.text())).append("</text>\n");
    }

    private static String num(double v) {
        String s = DecimalText.format(v, 1);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
