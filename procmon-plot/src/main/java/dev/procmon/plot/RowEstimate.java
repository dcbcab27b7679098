package dev.procmon.plot;

/** How many rows a {@link SampleTable} is expected to reach, so that it can make room for them at once. */
@FunctionalInterface
interface RowEstimate {

    /** No estimate: tables grow by half again each time they are full. */
    RowEstimate NONE = size -> 0;

    /**
     * Returns the rows a table that holds {@code size} rows now is expected to reach (0 if unknown).
     *
     * @param size the table's rows now
     */
    int rows(int size);
}
