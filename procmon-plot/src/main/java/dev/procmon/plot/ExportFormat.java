package dev.procmon.plot;

/** The formats of {@link LogExport}. */
public enum ExportFormat {
    /** Comma-separated values (RFC 4180), a header row naming each column with its unit. */
    CSV,
    /** JSON Lines: a header object naming the columns and units, then one object per sample. */
    JSONL
}
