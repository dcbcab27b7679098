package dev.procmon.plot;

/** The image formats procmon renders itself; each has one renderer drawn from the same chart layout. */
public enum OutputFormat {
    /** Scalable vector graphics, byte-identical for identical input. */
    SVG("svg") {
        @Override
        ChartRenderer renderer() {
            return new SvgRenderer();
        }
    },
    /** Portable network graphics, drawn headless with Java2D. */
    PNG("png") {
        @Override
        ChartRenderer renderer() {
            return new PngRenderer();
        }
    },
    /** The interactive report: one self-contained HTML file (see {@link HtmlReport}). */
    HTML("html") {
        /** The report is written from the tables, not the layout: {@link LogPlotter} calls {@link HtmlReport}. */
        @Override
        ChartRenderer renderer() {
            throw new UnsupportedOperationException("the HTML report is written by HtmlReport");
        }
    };

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    /** Returns the file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    abstract ChartRenderer renderer();
}
