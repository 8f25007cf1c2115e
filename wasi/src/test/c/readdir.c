/* Creates many files with long names in /sandbox/many, lists them with readdir (several fd_readdir
 * refills), checks every name once, then uses telldir/seekdir/rewinddir. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define N 300

int main(void) {
    char path[256];
    mkdir("/sandbox/many", 0755);
    for (int i = 0; i < N; i++) {
        snprintf(path, sizeof path, "/sandbox/many/file-with-a-rather-long-name-number-%04d.txt", i);
        FILE *f = fopen(path, "w");
        if (!f) {
            printf("create failed at %d\n", i);
            return 1;
        }
        fclose(f);
    }
    DIR *d = opendir("/sandbox/many");
    if (!d) {
        printf("opendir failed\n");
        return 1;
    }
    static char seen[N];
    int files = 0, dots = 0;
    long mark = -1;
    char markName[256] = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            dots++;
            continue;
        }
        int k;
        if (sscanf(e->d_name, "file-with-a-rather-long-name-number-%d.txt", &k) != 1 || k < 0 || k >= N || seen[k]) {
            printf("unexpected entry %s\n", e->d_name);
            return 1;
        }
        seen[k] = 1;
        if (e->d_type != DT_REG) {
            printf("bad d_type for %s\n", e->d_name);
            return 1;
        }
        if (++files == 150) {
            mark = telldir(d);
        }
        if (files == 151) {
            strcpy(markName, e->d_name);
        }
    }
    /* "." and ".." are listed by Robusta, not by Node: only their count is printed, apart */
    printf("files=%d\n", files);
    seekdir(d, mark);
    e = readdir(d);
    printf("seekdir resumes: %s\n", e && strcmp(e->d_name, markName) == 0 ? "yes" : "no");
    rewinddir(d);
    int again = 0;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            again++;
        }
    }
    printf("after rewind: %d\n", again);
    fprintf(stderr, "dots=%d\n", dots);
    closedir(d);
    return 0;
}
