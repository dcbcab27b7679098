package dev.procmon.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fake proc root made of plain files, laid out as the kernel lays out /proc: {@code uptime},
 * {@code <pid>/stat} in proc(5)'s field order and {@code <pid>/task/<tid>/children}. Files are
 * rewritten in place, so descriptors a sampler keeps open see the new values, as they do on /proc.
 */
final class FakeProc {

    /** One fake process; change its fields, then {@link #write()}. */
    final class Proc {
        final long pid;
        long ppid;
        char state = 'S';
        long minflt;
        long cminflt;
        long majflt;
        long cmajflt;
        long utime;
        long stime;
        long cutime;
        long cstime;
        long threads = 1;
        long starttime = 100;
        long vsize = 4096;
        long rss;

        /** Writes {@code io}, {@code status} and {@code smaps_rollup} with these values. */
        Proc counters(long rchar, long wchar, long voluntary, long involuntary, long pssKb, long ussKb) {
            writeFile(
                    root.resolve(pid + "/io"),
                    "rchar: " + rchar + "\nwchar: " + wchar + "\nsyscr: 1\nsyscw: 1\nread_bytes: " + rchar / 2
                            + "\nwrite_bytes: " + wchar / 2 + "\ncancelled_write_bytes: 0\n");
            writeFile(
                    root.resolve(pid + "/status"),
                    "Name:\tfake\nThreads:\t" + threads + "\nvoluntary_ctxt_switches:\t" + voluntary
                            + "\nnonvoluntary_ctxt_switches:\t" + involuntary + "\n");
            writeFile(
                    root.resolve(pid + "/smaps_rollup"),
                    "00400000-7fff [rollup]\nRss: " + (pssKb + 100) + " kB\nPss: " + pssKb
                            + " kB\nPrivate_Clean: 0 kB\nPrivate_Dirty: " + ussKb + " kB\n");
            return this;
        }

        Proc(long pid, long ppid) {
            this.pid = pid;
            this.ppid = ppid;
        }

        Proc write() {
            String line = pid + " (fake (name)) " + state + " " + ppid + " 1 1 0 -1 0 " + minflt + " " + cminflt
                    + " " + majflt + " " + cmajflt + " " + utime + " " + stime + " " + cutime + " " + cstime
                    + " 20 0 " + threads + " 0 " + starttime + " " + vsize + " " + rss + " 0\n";
            writeFile(root.resolve(pid + "/stat"), line);
            return this;
        }

        /** Sets the children file of thread {@code tid} (the main thread: tid = pid). */
        Proc threadChildren(long tid, long... pids) {
            StringBuilder text = new StringBuilder();
            for (long p : pids) {
                text.append(p).append(' ');
            }
            writeFile(root.resolve(pid + "/task/" + tid + "/children"), text.toString());
            return this;
        }

        Proc children(long... pids) {
            return threadChildren(pid, pids);
        }
    }

    final Path root;

    FakeProc(Path root) {
        this.root = root;
        writeFile(root.resolve("uptime"), "1000.00 1900.00\n");
    }

    ProcRoot procRoot() {
        return new ProcRoot(root);
    }

    /** A process with a stat and an empty children file of its main thread. */
    Proc process(long pid, long ppid) {
        return new Proc(pid, ppid).write().children();
    }

    /** A process with the given resident pages. */
    Proc processAndWrite(long pid, long ppid, long rssPages) {
        Proc p = process(pid, ppid);
        p.rss = rssPages;
        return p.write();
    }

    /**
     * A process exits and is reaped: its files are emptied, so descriptors kept open on them fail to
     * parse as a kept /proc descriptor answers ESRCH (and a dead thread's children list reads empty),
     * and then its directory is removed.
     */
    void remove(long pid) {
        try (var files = Files.walk(root.resolve(Long.toString(pid)))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p)) {
                    Files.writeString(p, "");
                }
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A thread exits: its children list reads empty and its directory goes. */
    void removeThread(long pid, long tid) {
        Path dir = root.resolve(pid + "/task/" + tid);
        writeFile(dir.resolve("children"), "");
        try {
            Files.delete(dir.resolve("children"));
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            // In place (same inode), as /proc files are: kept descriptors read the new text.
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
