package dev.procmon.core;

/** The raw fields of one {@code /proc/<pid>/stat} read, in the kernel's units (ticks, pages). */
final class ProcStat {
    long pid;
    /** Field 3, the state letter ('R', 'S', 'Z'...), as a byte. */
    byte state;

    long ppid;
    /** Field 20, the threads of the process (tells a tree walk whether to list its tasks). */
    long numThreads;

    long minflt;
    /** Field 11: minor faults of reaped children (as cutime is their CPU). */
    long cminflt;

    long majflt;
    /** Field 13: major faults of reaped children. */
    long cmajflt;

    long utime;
    long stime;
    long cutime;
    long cstime;
    long starttime;
    long vsize;
    long rssPages;

    void copyFrom(ProcStat o) {
        pid = o.pid;
        state = o.state;
        ppid = o.ppid;
        numThreads = o.numThreads;
        minflt = o.minflt;
        cminflt = o.cminflt;
        majflt = o.majflt;
        cmajflt = o.cmajflt;
        utime = o.utime;
        stime = o.stime;
        cutime = o.cutime;
        cstime = o.cstime;
        starttime = o.starttime;
        vsize = o.vsize;
        rssPages = o.rssPages;
    }

    /** Adds another process's counters (faults, times, sizes, threads) to these; identity fields stay. */
    void add(ProcStat o) {
        minflt += o.minflt;
        cminflt += o.cminflt;
        majflt += o.majflt;
        cmajflt += o.cmajflt;
        numThreads += o.numThreads;
        utime += o.utime;
        stime += o.stime;
        cutime += o.cutime;
        cstime += o.cstime;
        vsize += o.vsize;
        rssPages += o.rssPages;
    }
}
