package dev.procmon.core;

/** How much the monitor finds out about a process's memory at each sample. */
public enum MemoryDetail {
    /** RSS and virtual size from {@code /proc/<pid>/stat} (the default, one read). */
    RSS,
    /**
     * Also PSS and USS ({@code memory_info.pss}, {@code memory_info.uss}) from
     * {@code /proc/<pid>/smaps_rollup}: what a process really costs when it shares pages, at the price
     * of a page-table walk by the kernel at every sample.
     */
    PSS
}
