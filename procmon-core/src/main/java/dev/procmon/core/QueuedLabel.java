package dev.procmon.core;

import org.jspecify.annotations.Nullable;

/**
 * A label waiting for the next sample line: its text and, for a {@link Phase}, whether it starts
 * or ends one ({@link LogFormat#PHASE_START}, {@link LogFormat#PHASE_END}; null for an ordinary label).
 */
record QueuedLabel(String text, @Nullable String phase) {

    /** Cut here, not only when written: one char more than a line keeps, so the writer marks the cut. */
    static QueuedLabel of(@Nullable String text, @Nullable String phase) {
        String label = String.valueOf(text);
        if (label.length() > SampleLineWriter.MAX_LABEL_LENGTH + 1) {
            label = label.substring(0, SampleLineWriter.MAX_LABEL_LENGTH + 1);
        }
        return new QueuedLabel(label, phase);
    }
}
