package dev.procmon.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/** A monitor line split into its marker and its JSON, flattened to dotted paths by a real JSON parser. */
record ParsedLine(String marker, Map<String, String> values) {

    private static final JsonFactory JSON = new JsonFactory();

    static ParsedLine parse(String line) {
        int at = line.indexOf(LogFormat.MARKER);
        if (at < 0) {
            throw new IllegalArgumentException("no marker in " + line);
        }
        int brace = line.indexOf('{', at);
        String marker = line.substring(at, brace).trim();
        Map<String, String> values = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(line.substring(brace))) {
            Deque<String> path = new ArrayDeque<>();
            String field = null;
            JsonToken t;
            int depth = 0;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT -> {
                        if (field != null) {
                            path.addLast(field);
                        }
                        depth++;
                    }
                    case END_OBJECT -> {
                        depth--;
                        if (!path.isEmpty() && depth > 0) {
                            path.removeLast();
                        }
                    }
                    case FIELD_NAME -> field = p.currentName();
                    default -> values.put(path.isEmpty() ? field : String.join(".", path) + "." + field, p.getText());
                }
                if (depth == 0) {
                    if (p.nextToken() != null) {
                        throw new IllegalArgumentException("trailing content after the JSON object: " + line);
                    }
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ParsedLine(marker, values);
    }

    double number(String path) {
        String v = values.get(path);
        if (v == null) {
            throw new AssertionError("no " + path + " in " + values);
        }
        return Double.parseDouble(v);
    }
}
