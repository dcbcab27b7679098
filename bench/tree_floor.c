/*
 * The floor a tree sample is judged against (issue 19): a C program that walks the same tree the
 * same way ProcessTreeSampler's children walk does, in the same run (bench/run starts the tree and
 * gives its root to both).
 *
 * One sample: pread the root's /proc/<pid>/stat and parse the fields procmon reads; pread the
 * root's /proc/<pid>/task/<pid>/children to its end and parse the pids; for each pid not yet seen
 * this sample, pread its stat (the descriptors of a member are opened when it is first seen and
 * kept open), parse it, check its ppid, add its counters, and pread its children list to its end,
 * breadth first. This is procmon's work without the JVM: the same files, descriptors and reads
 * (procmon does an lseek before each read: Java's RandomAccessFile has no pread, and a FileChannel
 * is closed by a thread interrupt). Members are single-threaded here, as in bench/run's trees.
 *
 * Usage: tree_floor root_pid expected_members [rounds] [samples per round]
 * Prints: "tree_walk <members> <median ns per sample> <min> <max> <median CPU ns per sample>" over
 * the rounds; the last is this thread's CPU time (user + system), what bench/run judges on.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static double cpu_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

struct fields { long pid, ppid, minflt, cminflt, majflt, cmajflt, utime, stime, cutime, cstime, threads, start, vsize, rss; };

/* Parses the fields procmon reads, counting from the last ')' as procmon does; -1 if malformed. */
static int parse(const char *line, ssize_t n, struct fields *s) {
    ssize_t close = -1;
    for (ssize_t i = n - 1; i >= 0; i--) if (line[i] == ')') { close = i; break; }
    if (close < 0) return -1;
    s->pid = atol(line);
    int field = 3;
    ssize_t i = close + 2;
    while (i < n && field <= 24) {
        long v = 0;
        int neg = line[i] == '-';
        if (neg) i++;
        while (i < n && line[i] >= '0' && line[i] <= '9') v = v * 10 + (line[i++] - '0');
        while (i < n && line[i] != ' ' && line[i] != '\n') i++;
        if (neg) v = -v;
        switch (field) {
            case 4: s->ppid = v; break;
            case 10: s->minflt = v; break;
            case 11: s->cminflt = v; break;
            case 12: s->majflt = v; break;
            case 13: s->cmajflt = v; break;
            case 14: s->utime = v; break;
            case 15: s->stime = v; break;
            case 16: s->cutime = v; break;
            case 17: s->cstime = v; break;
            case 20: s->threads = v; break;
            case 22: s->start = v; break;
            case 23: s->vsize = v; break;
            case 24: s->rss = v; break;
        }
        field++;
        i++;
    }
    return field > 24 ? 0 : -1;
}

#define SLOTS (1 << 14) /* open addressing, pid -> kept descriptors; far more than bench trees need */
static struct member { long pid; int stat_fd, children_fd, seen; } table[SLOTS];
static long queue[SLOTS], parent_of[SLOTS];
static int stamp;
static char list[1 << 16];

static struct member *lookup(long pid) {
    unsigned i = (unsigned) (pid * 2654435761u) & (SLOTS - 1);
    while (table[i].pid != 0 && table[i].pid != pid) i = (i + 1) & (SLOTS - 1);
    struct member *m = &table[i];
    if (m->pid == 0) {
        char path[96];
        m->pid = pid;
        snprintf(path, sizeof path, "/proc/%ld/stat", pid);
        m->stat_fd = open(path, O_RDONLY);
        snprintf(path, sizeof path, "/proc/%ld/task/%ld/children", pid, pid);
        m->children_fd = open(path, O_RDONLY);
    }
    return m;
}

/* Reads a kept-open children list to its end (a leaf: one pread that returns 0). */
static ssize_t read_list(int fd) {
    ssize_t length = 0, n;
    while ((n = pread(fd, list + length, sizeof list - 1 - length, length)) > 0) length += n;
    return length;
}

/* Queues the unseen pids of a children list under parent; returns the new tail. */
static int enqueue(ssize_t length, long parent, int tail) {
    long pid = -1;
    for (ssize_t i = 0; i <= length; i++) {
        int digit = i < length ? list[i] - '0' : -1;
        if (digit >= 0 && digit <= 9) { pid = (pid < 0 ? 0 : pid * 10) + digit; continue; }
        if (pid < 0) continue;
        struct member *m = lookup(pid);
        if (m->seen != stamp && tail < SLOTS) {
            m->seen = stamp;
            queue[tail] = pid;
            parent_of[tail++] = parent;
        }
        pid = -1;
    }
    return tail;
}

static long sample(long root) {
    char buf[1024];
    struct fields s, total;
    stamp++;
    struct member *r = lookup(root);
    r->seen = stamp;
    ssize_t n = pread(r->stat_fd, buf, sizeof buf, 0);
    if (parse(buf, n, &total) != 0) return -1;
    int tail = enqueue(read_list(r->children_fd), root, 0);
    long members = 1;
    for (int head = 0; head < tail; head++) {
        struct member *m = lookup(queue[head]);
        n = pread(m->stat_fd, buf, sizeof buf, 0);
        if (n <= 0 || parse(buf, n, &s) != 0 || s.ppid != parent_of[head]) continue;
        total.minflt += s.minflt; total.cminflt += s.cminflt; total.majflt += s.majflt; total.cmajflt += s.cmajflt;
        total.utime += s.utime; total.stime += s.stime; total.cutime += s.cutime; total.cstime += s.cstime;
        total.vsize += s.vsize; total.rss += s.rss;
        members++;
        tail = enqueue(read_list(m->children_fd), m->pid, tail);
    }
    return members + (total.rss < 0); /* keeps the sums live */
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: tree_floor root_pid expected_members [rounds] [samples]\n");
        return 2;
    }
    long root = atol(argv[1]);
    long expected = atol(argv[2]);
    int rounds = argc > 3 ? atoi(argv[3]) : 21;
    int samples = argc > 4 ? atoi(argv[4]) : (int) (20000 / expected + 1);
    double *ns = calloc(rounds, sizeof *ns), *cpu = calloc(rounds, sizeof *cpu);
    for (int i = 0; i < samples; i++) sample(root); /* descriptors opened, caches warm */
    for (int r = 0; r < rounds; r++) {
        double c0 = cpu_ns();
        double t0 = now_ns();
        for (int i = 0; i < samples; i++) {
            long members = sample(root);
            if (members != expected) {
                fprintf(stderr, "tree_floor: the tree of %ld has %ld members, not %ld\n", root, members, expected);
                return 1;
            }
        }
        ns[r] = (now_ns() - t0) / samples;
        cpu[r] = (cpu_ns() - c0) / samples;
    }
    qsort(ns, rounds, sizeof ns[0], cmp);
    qsort(cpu, rounds, sizeof cpu[0], cmp);
    printf("tree_walk %ld %.1f %.1f %.1f %.1f\n", expected, ns[rounds / 2], ns[0], ns[rounds - 1], cpu[rounds / 2]);
    return 0;
}
