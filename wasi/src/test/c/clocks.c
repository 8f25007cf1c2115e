/* Reads every clock, checks resolutions and that a sleep takes at least its time; prints "ok" lines. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long ns(clockid_t id) {
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0) {
        printf("clock_gettime failed\n");
        exit(1);
    }
    return (long long) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void) {
    long long real = ns(CLOCK_REALTIME);
    printf("realtime after 2020: %s\n", real > 1577836800LL * 1000000000LL ? "ok" : "no");
    struct timespec res;
    clock_getres(CLOCK_MONOTONIC, &res);
    printf("monotonic resolution <= 1ms: %s\n", res.tv_sec == 0 && res.tv_nsec <= 1000000 ? "ok" : "no");
    long long m0 = ns(CLOCK_MONOTONIC);
    struct timespec d = {0, 30 * 1000000};
    nanosleep(&d, NULL);
    long long m1 = ns(CLOCK_MONOTONIC);
    printf("nanosleep 30ms: %s\n", m1 - m0 >= 30 * 1000000LL ? "ok" : "no");
    long long c0 = ns(CLOCK_PROCESS_CPUTIME_ID);
    volatile unsigned x = 1;
    for (long i = 0; i < 2000000; i++) {
        x = x * 1103515245u + 12345u;
    }
    long long c1 = ns(CLOCK_PROCESS_CPUTIME_ID);
    printf("process cpu advances: %s\n", c1 > c0 ? "ok" : "no");
    long long t = ns(CLOCK_THREAD_CPUTIME_ID);
    printf("thread cpu positive: %s\n", t > 0 ? "ok" : "no");
    printf("time(): %s\n", time(NULL) > 1577836800 ? "ok" : "no");
    return 0;
}
