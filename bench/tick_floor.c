/*
 * The floor a recorder is judged against (issue 19, "a recorder that is light on its feet"): a C
 * program that does what `procmon record --interval I --log FILE -- CMD` does, and nothing else:
 * starts CMD, reads /proc/<pid>/stat every I seconds (open, read, close, as psrecord/psutil do),
 * writes one line per sample to FILE, and waits for CMD. Its CPU time (user + system, CMD's
 * excluded) is the least any recorder can cost for the same recording.
 *
 * Usage: tick_floor INTERVAL_SECONDS LOGFILE CMD [ARGS...]
 * Prints "tick_floor_cpu_s <seconds> samples <n>" on stderr.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: tick_floor INTERVAL_SECONDS LOGFILE CMD [ARGS...]\n");
        return 2;
    }
    double interval = atof(argv[1]);
    FILE *log = fopen(argv[2], "w");
    if (!log || interval <= 0) {
        perror("tick_floor");
        return 2;
    }
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[3], argv + 3);
        _exit(127);
    }
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int) pid);
    struct timespec next;
    clock_gettime(CLOCK_MONOTONIC, &next);
    long step = (long) (interval * 1e9), samples = 0;
    int status = 0;
    for (;;) {
        int fd = open(path, O_RDONLY);
        if (fd >= 0) {
            ssize_t n = read(fd, buf, sizeof buf - 1);
            close(fd);
            if (n > 0) {
                buf[n] = 0;
                char *p = strrchr(buf, ')');
                unsigned long utime = 0, stime = 0;
                long rss = 0;
                if (p && sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu %*d %*d %*d %*d %*d %*d %*u %*u %ld",
                                &utime, &stime, &rss) == 3) {
                    fprintf(log, "{\"rss\": %ld, \"user\": %lu, \"system\": %lu}\n", rss, utime, stime);
                    fflush(log);
                    samples++;
                }
            }
        }
        if (waitpid(pid, &status, WNOHANG) == pid) {
            break;
        }
        next.tv_nsec += step;
        while (next.tv_nsec >= 1000000000L) {
            next.tv_nsec -= 1000000000L;
            next.tv_sec++;
        }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
    }
    fclose(log);
    struct rusage self;
    getrusage(RUSAGE_SELF, &self);
    fprintf(stderr, "tick_floor_cpu_s %.4f samples %ld\n",
            self.ru_utime.tv_sec + self.ru_utime.tv_usec / 1e6 + self.ru_stime.tv_sec + self.ru_stime.tv_usec / 1e6,
            samples);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
