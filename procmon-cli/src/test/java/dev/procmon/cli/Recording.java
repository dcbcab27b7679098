package dev.procmon.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.procmon.core.LogFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back the lines of a recording: markers and the few numbers the tests look at. */
record Recording(List<String> lines) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern NUMBER = Pattern.compile("\"([a-z_]+)\": (-?[0-9.]+)");

    static Recording of(Path log) {
        try {
            return of(Files.readString(log, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Recording of(String text) {
        return new Recording(
                text.lines().filter(l -> l.contains(LogFormat.MARKER)).toList());
    }

    int size() {
        return lines.size();
    }

    String marker(int i) {
        String line = lines.get(i);
        return line.substring(line.indexOf(LogFormat.MARKER), line.indexOf(" {"));
    }

    String lastMarker() {
        return marker(lines.size() - 1);
    }

    /** A numeric key of line i ({@code rss}, {@code user}, {@code pid}...), or NaN if absent. */
    double number(int i, String key) {
        Matcher m = NUMBER.matcher(lines.get(i));
        while (m.find()) {
            if (m.group(1).equals(key)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return Double.NaN;
    }

    double max(String key) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lines.size(); i++) {
            max = Math.max(max, number(i, key));
        }
        return max;
    }

    /** The label of line i, decoded by a JSON parser, or null if the line has none. */
    String label(int i) {
        String line = lines.get(i);
        try (JsonParser p = JSON.createParser(line.substring(line.indexOf('{', line.indexOf(LogFormat.MARKER))))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals(LogFormat.LABEL)) {
                    p.nextToken();
                    return p.getText();
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(line, e);
        }
    }

    /** user + system + children_user + children_system of line i. */
    double cpu(int i) {
        return number(i, LogFormat.USER)
                + number(i, LogFormat.SYSTEM)
                + number(i, LogFormat.CHILDREN_USER)
                + number(i, LogFormat.CHILDREN_SYSTEM);
    }
}
