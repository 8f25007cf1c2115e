/* poll(): a timeout with no input, then waits for a line on stdin and echoes it in upper case. */
#include <ctype.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(void) {
    long long t0 = now_ms();
    int n = poll(NULL, 0, 50);
    printf("timeout: %d after >= 50ms: %s\n", n, now_ms() - t0 >= 50 ? "yes" : "no");
    fflush(stdout);

    struct pollfd pfd = {.fd = 0, .events = POLLIN};
    n = poll(&pfd, 1, 10000);
    printf("stdin ready: %d %s\n", n, (pfd.revents & POLLIN) ? "POLLIN" : "-");
    char buf[256];
    ssize_t got = read(0, buf, sizeof buf - 1);
    if (got < 0) {
        got = 0;
    }
    buf[got] = 0;
    for (ssize_t i = 0; i < got; i++) {
        buf[i] = (char) toupper((unsigned char) buf[i]);
    }
    printf("read: %s", buf);
    struct pollfd out = {.fd = 1, .events = POLLOUT};
    printf("stdout writable: %d\n", poll(&out, 1, 0));
    return 0;
}
