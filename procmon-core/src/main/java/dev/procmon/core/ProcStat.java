package dev.procmon.core;

/** The raw fields of one {@code /proc/<pid>/stat} read, in the kernel's units (ticks, pages). */
final class ProcStat {
    long pid;
    long ppid;
    long minflt;
    long majflt;
    long utime;
    long stime;
    long cutime;
    long cstime;
    long starttime;
    long vsize;
    long rssPages;
}
