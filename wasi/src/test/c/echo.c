/*
 * A TCP echo server on the preopened listening socket, descriptor 3 (robusta run --tcplisten HOST:PORT, as
 * wasmtime's): serves argv[1] connections (default 1) one after the other, echoing every byte until the
 * client shuts down its side, then shuts down and closes the connection. Odd connections are accepted
 * blocking (and the first byte peeked), even ones non-blocking with accept4 and poll.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#define LISTENER 3

static int wait_for(int fd, short events) {
    struct pollfd p = {.fd = fd, .events = events};
    int n = poll(&p, 1, 10000);
    if (n != 1) {
        fprintf(stderr, "poll on %d: %d (%s)\n", fd, n, n < 0 ? strerror(errno) : "timeout");
        return -1;
    }
    return 0;
}

static int send_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = send(fd, buf, len, 0);
        if (n < 0 && errno == EAGAIN) {
            if (wait_for(fd, POLLOUT) < 0) {
                return -1;
            }
            continue;
        }
        if (n < 0) {
            perror("send");
            return -1;
        }
        buf += n;
        len -= (size_t) n;
    }
    return 0;
}

/* Echoes until the end of the stream; returns the number of bytes, -1 on error. */
static long echo(int c) {
    char buf[4096];
    long total = 0;
    for (;;) {
        ssize_t n = recv(c, buf, sizeof buf, 0);
        if (n < 0 && errno == EAGAIN) {
            if (wait_for(c, POLLIN) < 0) {
                return -1;
            }
            continue;
        }
        if (n < 0) {
            perror("recv");
            return -1;
        }
        if (n == 0) {
            return total;
        }
        if (send_all(c, buf, (size_t) n) < 0) {
            return -1;
        }
        total += n;
    }
}

int main(int argc, char **argv) {
    int count = argc > 1 ? atoi(argv[1]) : 1;
    struct stat st;
    int type = 0;
    socklen_t len = sizeof type;
    if (fstat(LISTENER, &st) != 0 || !S_ISSOCK(st.st_mode)
            || getsockopt(LISTENER, SOL_SOCKET, SO_TYPE, &type, &len) != 0 || type != SOCK_STREAM) {
        fprintf(stderr, "descriptor 3 is not a stream socket\n");
        return 2;
    }
    printf("listener: stream socket, %s\n", (fcntl(LISTENER, F_GETFL) & O_NONBLOCK) ? "non-blocking" : "blocking");
    fflush(stdout);
    for (int i = 1; i <= count; i++) {
        if (wait_for(LISTENER, POLLIN) < 0) {
            return 1;
        }
        struct sockaddr_storage addr;
        socklen_t addrlen = sizeof addr;
        int c = i % 2 ? accept(LISTENER, (struct sockaddr *) &addr, &addrlen)
                      : accept4(LISTENER, (struct sockaddr *) &addr, &addrlen, SOCK_NONBLOCK);
        if (c < 0) {
            perror("accept");
            return 1;
        }
        if (i % 2) {
            char first;
            if (recv(c, &first, 1, MSG_PEEK) != 1) {
                perror("recv MSG_PEEK");
                return 1;
            }
            printf("connection %d: first byte '%c' (peeked)\n", i, first);
        }
        long n = echo(c);
        if (n < 0) {
            return 1;
        }
        if (shutdown(c, SHUT_WR) != 0 || close(c) != 0) {
            perror("shutdown/close");
            return 1;
        }
        printf("connection %d (%s): %ld bytes echoed\n", i, i % 2 ? "blocking" : "non-blocking", n);
        fflush(stdout);
    }
    char none;
    printf("recv on stdin: %s\n", recv(0, &none, 1, 0) < 0 && errno == ENOTSOCK ? "ENOTSOCK" : "?");
    return 0;
}
