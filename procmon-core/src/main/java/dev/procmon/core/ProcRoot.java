package dev.procmon.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@code /proc} is, and the paths under it that procmon reads: the one place the proc root is
 * named. Injectable, so every sampler runs against a fake tree of files in tests, and a monitor in a
 * container can read the host's processes through a bind mount ({@code -Dprocmon.proc=/host/proc},
 * or {@link ProcessMonitor.Builder#procRoot(Path)}).
 *
 * <p>Paths are built as Strings for the file APIs; they are built only when a file is opened, which
 * the samplers do once per process, not per sample.
 */
final class ProcRoot {

    /** The system property that moves the proc root (default {@code /proc}). */
    static final String PROPERTY = "procmon.proc";
    /** The kernel's own mount point. */
    static final ProcRoot SYSTEM = new ProcRoot(Path.of("/proc"));

    private final Path dir;
    private final String prefix;

    ProcRoot(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
        String text = dir.toString();
        this.prefix = text.endsWith("/") ? text : text + "/";
    }

    /** {@code /proc}, or the directory named by {@value #PROPERTY} when it is set and not blank. */
    static ProcRoot fromSystemProperty() {
        String value = System.getProperty(PROPERTY, "");
        return value.isBlank() ? SYSTEM : new ProcRoot(Path.of(value));
    }

    Path dir() {
        return dir;
    }

    /** {@code <root>/<pid>}. */
    String process(long pid) {
        return prefix + pid;
    }

    /** {@code <root>/<pid>/stat}. */
    String stat(long pid) {
        return prefix + pid + "/stat";
    }

    /** {@code <root>/<pid>/task}: one directory per thread. */
    String tasks(long pid) {
        return prefix + pid + "/task";
    }

    /** {@code <root>/<pid>/task/<tid>/children}: the pids thread {@code tid} has forked and not lost. */
    String children(long pid, long tid) {
        return prefix + pid + "/task/" + tid + "/children";
    }

    /** {@code <root>/uptime}: seconds since boot, the clock that {@code starttime} counts in ticks. */
    String uptime() {
        return prefix + "uptime";
    }

    /** {@code <root>/self/stat}: readable where there is a proc root at all. */
    String selfStat() {
        return prefix + "self/stat";
    }

    /** {@code <root>/self/auxv}: the kernel's tick rate and page size (see {@link KernelConstants}). */
    String selfAuxv() {
        return prefix + "self/auxv";
    }

    /** The pid a directory entry of the root names, or -1 for those that are not processes ("self"...). */
    static long parsePid(String name) {
        int length = name.length();
        if (length == 0 || length > 18) {
            return -1;
        }
        long pid = 0;
        for (int i = 0; i < length; i++) {
            int digit = name.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            pid = pid * 10 + digit;
        }
        return pid;
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
