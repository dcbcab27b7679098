package dev.procmon.plot;

import dev.procmon.core.LogField;

/**
 * The CPU time of a process (tree) at one sample, defined once for the plot, the {@code .dat}, the
 * summary and the export: user + system + children_user + children_system, each part counted when the
 * sample has it (a JDK-only fallback logs total CPU as user alone; a log may hold system alone), NaN
 * only when the sample has none of them.
 */
final class CpuTime {

    private CpuTime() {}

    /** The sum of the parts that are not NaN, in seconds; NaN if all are. */
    static double total(double user, double system, double childrenUser, double childrenSystem) {
        return plus(plus(plus(user, system), childrenUser), childrenSystem);
    }

    /** True if the table has any part of the CPU time, so it has CPU series to draw. */
    static boolean logged(SampleTable t) {
        return t.has(LogField.USER)
                || t.has(LogField.SYSTEM)
                || t.has(LogField.CHILDREN_USER)
                || t.has(LogField.CHILDREN_SYSTEM);
    }

    /** a + b, where a NaN counts as 0 unless both are NaN. */
    private static double plus(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : a + b;
    }
}
