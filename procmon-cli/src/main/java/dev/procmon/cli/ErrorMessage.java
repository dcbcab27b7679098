package dev.procmon.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The one line a user sees for a failure: what went wrong and with which file, never a class name
 * alone and never a stack trace. NIO's file exceptions carry only the path as their message, so
 * they are spelled out here.
 */
final class ErrorMessage {

    private ErrorMessage() {}

    /** The line for what an {@link UncheckedIOException} wraps (itself if it wraps nothing). */
    static String ofCause(UncheckedIOException e) {
        Throwable cause = e.getCause();
        return of(cause != null ? cause : e);
    }

    static String of(Throwable e) {
        String text;
        if (e instanceof FileSystemException fs) {
            String file = fs.getFile();
            String what = e instanceof NoSuchFileException
                    ? "no such file or directory"
                    : e instanceof AccessDeniedException
                            ? "permission denied"
                            : e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException
                                    ? "not a directory"
                                    : fs.getReason() != null ? fs.getReason() : "cannot be used";
            text = file + ": " + what;
        } else {
            String message = e.getMessage();
            text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        }
        // a file name or label in the message may hold ESC or other controls: shown escaped, never sent to the terminal
        return TerminalText.of(text.replace('\n', ' ').replace('\r', ' '));
    }
}
