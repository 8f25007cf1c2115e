/* memcpy, memmove and memset of small and large blocks over a 16 MiB buffer. Built with -mbulk-memory for wasm,
 * so that these calls become memory.copy and memory.fill instructions. Prints a checksum sampled from the
 * buffer. Argument: rounds (default 50). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIZE (16u << 20)

static uint32_t x = 88172645u;

static uint32_t next(void) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 50;
    uint8_t *buf = malloc(SIZE);
    memset(buf, 0x5a, SIZE);
    uint32_t check = 0;
    for (int r = 0; r < rounds; r++) {
        /* many small blocks: the cost of each call dominates */
        for (int i = 0; i < 100000; i++) {
            uint32_t v = next();
            uint32_t len = v & 63;
            uint32_t src = (v >> 6) % (SIZE - 64), dst = next() % (SIZE - 64);
            switch (v >> 30) {
            case 0: memset(buf + dst, (int) (v >> 22), len); break;
            case 1: memmove(buf + dst, buf + src, len); break;
            default: /* memcpy's blocks must not overlap: from the lower half to the upper */
                memcpy(buf + SIZE / 2 + dst / 2, buf + (src / 2 & ~63u), len & ~7u);
                break;
            }
            check = check * 31 + buf[dst + len / 2];
        }
        /* a few large blocks: the cost of moving the bytes dominates */
        for (int i = 0; i < 200; i++) {
            uint32_t v = next();
            uint32_t len = (v & 0xfffff) + 4096;
            uint32_t src = next() % (SIZE - len), dst = next() % (SIZE - len);
            if (v >> 31) {
                memset(buf + dst, (int) (v >> 23), len);
            } else {
                memmove(buf + dst, buf + src, len);
            }
            check = check * 31 + buf[dst + len / 3];
        }
    }
    for (uint32_t i = 0; i < SIZE; i += 4093) {
        check = check * 31 + buf[i];
    }
    printf("%d %08x\n", rounds, (unsigned) check);
    free(buf);
    return 0;
}
