package dev.procmon.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The fixed parts of the HTML report, read once from the classpath: the page template, its script
 * and style (resources beside this class), and uPlot with its licence from the
 * {@code org.webjars.npm:uplot} WebJar.
 */
final class HtmlAssets {

    static final String UPLOT_VERSION = "1.6.30";
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/";

    static final String TEMPLATE = read("html/report.html");
    static final String SCRIPT = read("html/report.js");
    static final String STYLE = read("html/report.css");
    static final String UPLOT_JS = read(UPLOT + "dist/uPlot.iife.min.js");
    static final String UPLOT_CSS = read(UPLOT + "dist/uPlot.min.css");
    static final String UPLOT_LICENSE = read(UPLOT + "LICENSE");

    private HtmlAssets() {}

    private static String read(String name) {
        try (InputStream in = HtmlAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "missing resource " + name + " (is the uplot WebJar on the classpath?)");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Inlined into <script> and <style> elements: nothing may end them early.
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (!name.endsWith(".html")
                    && (lower.contains("</script") || lower.contains("</style") || lower.contains("<!--"))) {
                throw new IllegalStateException(name + " cannot be inlined: it contains an end tag or comment opener");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
