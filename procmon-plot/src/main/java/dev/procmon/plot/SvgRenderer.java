package dev.procmon.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a chart as SVG with a small purpose-built writer: coordinates to 0.1 pixel, no timestamps
 * or ids that vary, so identical input gives byte-identical files. All text is XML-escaped.
 */
final class SvgRenderer implements ChartRenderer {

    private static final String GRID = "#dddddd";
    private static final String AXIS = "#333333";
    private static final String MARKER = "#555555";

    @Override
    public void render(ChartLayout l, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder(64 * 1024);
        int w = ChartLayout.WIDTH;
        int h = ChartLayout.HEIGHT;
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"")
                .append(num(ChartLayout.FONT)).append("\">\n");
        sb.append("<title>").append(OutputEscaper.xml(l.chart.title())).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        grid(sb, l);
        axes(sb, l);
        sb.append("<g fill=\"none\" stroke-linejoin=\"round\">\n");
        for (ChartLayout.Line line : l.lines) {
            sb.append("<path stroke=\"").append(line.series().color()).append("\" stroke-width=\"")
                    .append(num(line.series().width())).append("\" d=\"");
            for (double[] run : line.runs()) {
                for (int i = 0; i < run.length; i += 2) {
                    sb.append(i == 0 ? 'M' : 'L').append(num(run[i])).append(' ').append(num(run[i + 1]));
                }
            }
            sb.append("\"/>\n");
        }
        sb.append("</g>\n");
        labels(sb, l);
        legend(sb, l);
        sb.append("</svg>\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void grid(StringBuilder sb, ChartLayout l) {
        sb.append("<path stroke=\"").append(GRID).append("\" stroke-width=\"1\" d=\"");
        for (double t : l.x.ticks()) {
            double x = l.px(t);
            sb.append('M').append(num(x)).append(' ').append(num(ChartLayout.TOP)).append('V').append(num(ChartLayout.BOTTOM));
        }
        for (double t : l.y.ticks()) {
            double y = ChartLayout.py(l.y, t);
            sb.append('M').append(num(ChartLayout.LEFT)).append(' ').append(num(y)).append('H').append(num(ChartLayout.RIGHT));
        }
        sb.append("\"/>\n");
    }

    private static void axes(StringBuilder sb, ChartLayout l) {
        double left = ChartLayout.LEFT;
        double right = ChartLayout.RIGHT;
        double top = ChartLayout.TOP;
        double bottom = ChartLayout.BOTTOM;
        sb.append("<rect x=\"").append(num(left)).append("\" y=\"").append(num(top)).append("\" width=\"")
                .append(num(right - left)).append("\" height=\"").append(num(bottom - top))
                .append("\" fill=\"none\" stroke=\"").append(AXIS).append("\"/>\n");
        sb.append("<g fill=\"").append(AXIS).append("\">\n");
        for (double t : l.x.ticks()) {
            text(sb, l.px(t), bottom + 18, "middle", l.x.label(t));
        }
        for (double t : l.y.ticks()) {
            text(sb, left - 6, ChartLayout.py(l.y, t) + 4, "end", l.y.label(t));
        }
        for (double t : l.y2.ticks()) {
            text(sb, right + 6, ChartLayout.py(l.y2, t) + 4, "start", l.y2.label(t));
        }
        text(sb, (left + right) / 2, ChartLayout.HEIGHT - 22, "middle", l.chart.xTitle());
        rotated(sb, 22, (top + bottom) / 2, "middle", l.chart.yTitle());
        rotated(sb, ChartLayout.WIDTH - 16, (top + bottom) / 2, "middle", l.chart.y2Title());
        sb.append("<text x=\"").append(num(ChartLayout.WIDTH / 2.0)).append("\" y=\"30\" text-anchor=\"middle\" font-size=\"")
                .append(num(ChartLayout.TITLE_FONT)).append("\" font-weight=\"bold\">")
                .append(OutputEscaper.xml(l.chart.title())).append("</text>\n");
        sb.append("</g>\n");
    }

    private static void labels(StringBuilder sb, ChartLayout l) {
        if (l.labels.isEmpty()) {
            return;
        }
        sb.append("<g stroke=\"").append(MARKER).append("\" stroke-width=\"1\" stroke-dasharray=\"4 3\">\n");
        for (LabelLayout.Placed p : l.labels) {
            sb.append("<path d=\"M").append(num(p.x())).append(' ').append(num(ChartLayout.TOP)).append('V')
                    .append(num(ChartLayout.BOTTOM)).append("\"/>\n");
        }
        sb.append("</g>\n<g fill=\"#222222\" font-size=\"").append(num(ChartLayout.LABEL_FONT)).append("\">\n");
        for (LabelLayout.Placed p : l.labels) {
            if (p.text() != null) {
                double x = p.x() + ChartLayout.LABEL_FONT;
                sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(p.textBottom()))
                        .append("\" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(p.textBottom()))
                        .append(")\">").append(OutputEscaper.xml(p.text())).append("</text>\n");
            }
        }
        sb.append("</g>\n");
    }

    private static void legend(StringBuilder sb, ChartLayout l) {
        int hidden = l.hiddenLabelTexts();
        int rows = l.lines.size() + (hidden > 0 ? 1 : 0);
        double width = 300;
        double x = ChartLayout.RIGHT - width - 8;
        double y = ChartLayout.TOP + 8;
        sb.append("<g>\n<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(width)).append("\" height=\"").append(num(rows * 18 + 8))
                .append("\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#bbbbbb\"/>\n");
        double row = y + 18;
        for (ChartLayout.Line line : l.lines) {
            sb.append("<path d=\"M").append(num(x + 10)).append(' ').append(num(row - 4)).append("h28\" stroke=\"")
                    .append(line.series().color()).append("\" stroke-width=\"").append(num(Math.max(2, line.series().width())))
                    .append("\"/>\n");
            text(sb, x + 46, row, "start", line.series().name());
            row += 18;
        }
        if (hidden > 0) {
            text(sb, x + 46, row, "start", hidden + (hidden == 1 ? " label text" : " label texts") + " left out (crowded)");
        }
        sb.append("</g>\n");
    }

    private static void text(StringBuilder sb, double x, double y, String anchor, String s) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
                .append("\">").append(OutputEscaper.xml(s)).append("</text>\n");
    }

    private static void rotated(StringBuilder sb, double x, double y, String anchor, String s) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y)).append(")\">")
                .append(OutputEscaper.xml(s)).append("</text>\n");
    }

    private static String num(double v) {
        String s = DecimalText.format(v, 1);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
