package dev.procmon.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects the monitor's lines for a test. */
final class CollectingSink implements Consumer<String> {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void accept(String line) {
        lines.add(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized void clear() {
        lines.clear();
    }

    List<ParsedLine> parsed() {
        return lines().stream().map(ParsedLine::parse).toList();
    }
}
