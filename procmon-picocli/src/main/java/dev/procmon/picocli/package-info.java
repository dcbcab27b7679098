/**
 * procmon for picocli command lines: the {@link dev.procmon.picocli.LogProcessOption} mixin adds
 * {@code --log-process=SECONDS} and starts a monitor around the command's work, and
 * {@link dev.procmon.picocli.SecondsConverter} validates any option given in seconds.
 */
package dev.procmon.picocli;
