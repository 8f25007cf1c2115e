/* Writes to stdout and stderr and returns 0. */
#include <stdio.h>

int main(void) {
    printf("Hello, world!\n");
    fprintf(stderr, "to stderr\n");
    return 0;
}
