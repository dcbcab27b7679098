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

    void copyFrom(ProcStat o) {
        pid = o.pid;
        ppid = o.ppid;
        minflt = o.minflt;
        majflt = o.majflt;
        utime = o.utime;
        stime = o.stime;
        cutime = o.cutime;
        cstime = o.cstime;
        starttime = o.starttime;
        vsize = o.vsize;
        rssPages = o.rssPages;
    }

    /** Adds another process's counters (faults, times, sizes) to these; identity fields stay. */
    void add(ProcStat o) {
        minflt += o.minflt;
        majflt += o.majflt;
        utime += o.utime;
        stime += o.stime;
        cutime += o.cutime;
        cstime += o.cstime;
        vsize += o.vsize;
        rssPages += o.rssPages;
    }
}
