package dev.procmon.core;

/** What a {@link LogField}'s value is, and so how it is written and read. */
public enum FieldKind {
    /** A JSON object of other fields. */
    OBJECT,
    /** A whole number of things (faults, threads, descriptors); an integer in the log. */
    COUNT,
    /** Seconds, a decimal with up to six fraction digits in the log (the writer keeps microseconds). */
    SECONDS,
    /** Bytes; an integer in the log. */
    BYTES,
    /** An identifier (the pid); an integer in the log. */
    ID,
    /** Local wall-clock time as text, {@link LogFormat#TIMESTAMP_PATTERN}. */
    TIMESTAMP,
    /** Free text (a label, a phase). */
    TEXT;

    /** Returns true for the kinds whose value is a number. */
    public boolean isNumber() {
        return this == COUNT || this == SECONDS || this == BYTES || this == ID;
    }
}
