/*
 * The floors the JVM sampler is judged against (issue 7, item 1): what the kernel charges for one
 * read of /proc/<pid>/stat when nothing else is done.
 *
 *   open_read_close  open + read + close of the file, every time (what TotalDepth/psutil pay)
 *   pread_kept_open  pread(fd, buf, n, 0) on a descriptor kept open (what ProcStatReader does)
 *
 * Usage: floor [iterations] [threads] [path]
 *   threads  extra idle threads to start first (default 0). /proc/<pid>/stat sums utime/stime and
 *            page faults over every thread of the process, so its cost grows with the thread count:
 *            a JVM has ~20 threads, this program has 1. The script runs both.
 *   path     default /proc/self/stat
 *
 * Prints one line per figure: "<name> <median ns per op> <min ns per op>" over ROUNDS short rounds,
 * in wall time, and the same figures in this thread's CPU time as "cpu_<name> ...". On a shared,
 * oversubscribed machine wall time also counts the time spent waiting for a core; CPU time (user +
 * system, CLOCK_THREAD_CPUTIME_ID) is what the work costs, and is what bench/run judges on.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS 21

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

static void *idle(void *arg) {
    (void) arg;
    pause();
    return NULL;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

static volatile long sink;

int main(int argc, char **argv) {
    long iterations = argc > 1 ? atol(argv[1]) : 5000;
    int threads = argc > 2 ? atoi(argv[2]) : 0;
    const char *path = argc > 3 ? argv[3] : "/proc/self/stat";
    char buf[1024];

    for (int t = 0; t < threads; t++) {
        pthread_t id;
        if (pthread_create(&id, NULL, idle, NULL) != 0) {
            perror("pthread_create");
            return 1;
        }
    }

    double orc[ROUNDS], kept[ROUNDS], corc[ROUNDS], ckept[ROUNDS];
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        perror(path);
        return 1;
    }
    for (int r = 0; r < ROUNDS; r++) {
        double c0 = cpu_ns();
        double t0 = now_ns();
        for (long i = 0; i < iterations; i++) {
            int f = open(path, O_RDONLY);
            ssize_t n = read(f, buf, sizeof buf);
            close(f);
            sink += n;
        }
        double t1 = now_ns();
        double c1 = cpu_ns();
        for (long i = 0; i < iterations; i++) {
            ssize_t n = pread(fd, buf, sizeof buf, 0);
            sink += n;
        }
        double t2 = now_ns();
        double c2 = cpu_ns();
        orc[r] = (t1 - t0) / iterations;
        kept[r] = (t2 - t1) / iterations;
        corc[r] = (c1 - c0) / iterations;
        ckept[r] = (c2 - c1) / iterations;
    }
    close(fd);
    qsort(orc, ROUNDS, sizeof orc[0], cmp);
    qsort(kept, ROUNDS, sizeof kept[0], cmp);
    qsort(corc, ROUNDS, sizeof corc[0], cmp);
    qsort(ckept, ROUNDS, sizeof ckept[0], cmp);
    printf("open_read_close %.1f %.1f\n", orc[ROUNDS / 2], orc[0]);
    printf("pread_kept_open %.1f %.1f\n", kept[ROUNDS / 2], kept[0]);
    printf("cpu_open_read_close %.1f %.1f\n", corc[ROUNDS / 2], corc[0]);
    printf("cpu_pread_kept_open %.1f %.1f\n", ckept[ROUNDS / 2], ckept[0]);
    return 0;
}
