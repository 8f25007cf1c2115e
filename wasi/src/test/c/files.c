/* File and directory operations beneath the preopen "/sandbox" (the current directory for relative
 * paths), printing one line per step; ends with "done" and exit 0, or exits 1 at the first failure. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void check(int ok, const char *what) {
    if (!ok) {
        printf("FAILED %s: %s\n", what, strerror(errno));
        exit(1);
    }
    printf("ok %s\n", what);
}

int main(void) {
    check(mkdir("/sandbox/work", 0755) == 0, "mkdir");
    FILE *f = fopen("/sandbox/work/a.txt", "w");
    check(f != NULL, "fopen w");
    fprintf(f, "line one\nline two\n");
    check(fclose(f) == 0, "fclose");

    struct stat st;
    check(stat("/sandbox/work/a.txt", &st) == 0 && st.st_size == 18 && S_ISREG(st.st_mode), "stat size 18");

    int fd = open("/sandbox/work/a.txt", O_RDWR);
    check(fd >= 0, "open rdwr");
    char buf[64] = {0};
    check(pread(fd, buf, 4, 5) == 4 && memcmp(buf, "one\n", 4) == 0, "pread");
    check(lseek(fd, -4, SEEK_END) == 14, "lseek end");
    check(read(fd, buf, 10) == 4 && memcmp(buf, "two\n", 4) == 0, "read tail");
    check(pwrite(fd, "ONE", 3, 5) == 3, "pwrite");
    check(ftruncate(fd, 9) == 0, "ftruncate");
    check(fstat(fd, &st) == 0 && st.st_size == 9, "fstat size 9");
    check(close(fd) == 0, "close");

    f = fopen("/sandbox/work/a.txt", "r");
    check(f != NULL && fgets(buf, sizeof buf, f) != NULL && strcmp(buf, "line ONE\n") == 0, "read back");
    fclose(f);

    f = fopen("/sandbox/work/a.txt", "a");
    fputs("appended\n", f);
    fclose(f);
    check(stat("/sandbox/work/a.txt", &st) == 0 && st.st_size == 18, "append");

    check(rename("/sandbox/work/a.txt", "/sandbox/work/b.txt") == 0, "rename");
    check(access("/sandbox/work/a.txt", F_OK) != 0 && errno == ENOENT, "old name gone");
    check(symlink("b.txt", "/sandbox/work/link") == 0, "symlink");
    char target[64] = {0};
    check(readlink("/sandbox/work/link", target, sizeof target) == 5 && strcmp(target, "b.txt") == 0, "readlink");
    check(lstat("/sandbox/work/link", &st) == 0 && S_ISLNK(st.st_mode), "lstat link");
    check(stat("/sandbox/work/link", &st) == 0 && S_ISREG(st.st_mode), "stat through link");
    check(link("/sandbox/work/b.txt", "/sandbox/work/hard") == 0, "link");
    check(stat("/sandbox/work/b.txt", &st) == 0 && st.st_nlink == 2, "nlink 2");

    check(mkdir("/sandbox/work/sub", 0755) == 0, "mkdir sub");
    check(rmdir("/sandbox/work") != 0 && errno == ENOTEMPTY, "rmdir not empty");
    check(rmdir("/sandbox/work/sub") == 0, "rmdir sub");
    check(unlink("/sandbox/work/link") == 0 && unlink("/sandbox/work/hard") == 0, "unlink");

    check(open("/sandbox/../outside.txt", O_RDONLY) < 0, "no escape with ..");
    printf("escape errno %s\n", errno == ENOTCAPABLE ? "ENOTCAPABLE" : strerror(errno));
    check(open("/etc/passwd", O_RDONLY) < 0, "no path outside the preopens");
    /* a link that points out may be refused (Node) or made but never followed (Robusta) */
    int made = symlink("../..", "/sandbox/work/up") == 0;
    check(made ? open("/sandbox/work/up/outside.txt", O_RDONLY) < 0 : errno == ENOTCAPABLE,
          "no escape through a link");
    if (made) {
        unlink("/sandbox/work/up");
    }

    check(chdir("/sandbox/work") == 0, "chdir");
    f = fopen("relative.txt", "w");
    check(f != NULL, "relative path after chdir");
    fclose(f);
    check(access("/sandbox/work/relative.txt", F_OK) == 0, "created where expected");
    printf("done\n");
    return 0;
}
