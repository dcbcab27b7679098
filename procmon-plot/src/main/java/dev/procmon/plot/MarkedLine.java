package dev.procmon.plot;

/**
 * A line of the log that carries the sample marker, as the {@link LogScanner} hands it on: a view of
 * the scanner's buffer, reused for every line (so scanning allocates nothing per line), valid only
 * during the {@link LogScanner.Sink#sampleLine} call.
 */
final class MarkedLine {

    /** The scanner's buffer; the line is a range of it. */
    byte[] bytes = new byte[0];
    /** Where the line starts in {@link #bytes}. */
    int lineStart;
    /** Where the marker starts: {@code bytes[lineStart, marker)} is the text before it. */
    int marker;
    /** The first '{' after the marker: the JSON object is {@code bytes[jsonFrom, jsonTo)}. */
    int jsonFrom;
    /** The end of the line (without its CR or LF). */
    int jsonTo;
    /** The line's number in its file, from 1 (or in its part of the file: see {@link FileSplit}). */
    long lineNumber;

    /** Bytes of the stream up to the end of this line, its newline included. */
    long streamEnd;

    MarkedLine set(byte[] bytes, int lineStart, int marker, int jsonFrom, int jsonTo, long lineNumber, long streamEnd) {
        this.streamEnd = streamEnd;
        this.bytes = bytes;
        this.lineStart = lineStart;
        this.marker = marker;
        this.jsonFrom = jsonFrom;
        this.jsonTo = jsonTo;
        this.lineNumber = lineNumber;
        return this;
    }

    /** Returns the length of the JSON part. */
    int jsonLength() {
        return jsonTo - jsonFrom;
    }
}
