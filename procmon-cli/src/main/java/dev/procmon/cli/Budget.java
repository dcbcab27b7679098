package dev.procmon.cli;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One limit: a metric must not exceed {@code limit}, over a whole run or in each span named
 * {@code phase} (a phase, or a label interval in a run without phases).
 *
 * @param metric what is limited
 * @param limit the budget, bytes or seconds
 * @param option how the user gave it, e.g. {@code --max-rss 300MiB} or {@code --phase indexing:max-rss=300MiB}
 * @param phase the span's name, or null for the whole run
 */
record Budget(
        Metric metric,
        double limit,
        String option,
        @Nullable String phase) {

    /** Returns e.g. {@code peak RSS <= 300MiB} or {@code phase indexing: peak RSS <= 300MiB}. */
    String describe(String limitText) {
        String what = metric.label() + " <= " + limitText;
        return phase == null ? what : "phase " + TerminalText.quoted(phase) + ": " + what;
    }

    /** The budgets of one {@code --phase} option. */
    record Phase(List<Budget> budgets) {}

    /**
     * Parses {@code NAME:KEY=VALUE[,KEY=VALUE...]}: the name is everything before the last colon (so a
     * name may hold colons), each KEY a budget option's name without {@code --}, as
     * {@code indexing:max-rss=300MiB,max-duration=20}.
     */
    static final class PhaseConverter implements ITypeConverter<Phase> {
        @Override
        public Phase convert(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new TypeConversionException("'" + value + "' is not NAME:KEY=VALUE[,KEY=VALUE...]"
                        + " (example: indexing:max-rss=300MiB,max-duration=20)");
            }
            String name = value.substring(0, colon);
            List<Budget> out = new ArrayList<>();
            for (String item : value.substring(colon + 1).split(",", -1)) {
                int eq = item.indexOf('=');
                if (eq <= 0) {
                    throw new TypeConversionException("'" + item + "' in '" + value + "' is not KEY=VALUE");
                }
                Metric m = Metric.ofKey(item.substring(0, eq));
                if (m == null) {
                    throw new TypeConversionException(
                            "'" + item.substring(0, eq) + "' in '" + value
                                    + "' is not a budget (max-rss, max-heap, max-cpu, max-duration, max-gc-time, max-rss-change)");
                }
                String limit = item.substring(eq + 1);
                out.add(new Budget(m, m.parse(limit), "--phase " + TerminalText.of(value), name));
            }
            return new Phase(out);
        }
    }
}
