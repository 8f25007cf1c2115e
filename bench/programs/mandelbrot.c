/* The Mandelbrot set on a size x size grid, at most 50 iterations a point, as the Computer Language
 * Benchmarks Game draws it (f64 arithmetic in a tight loop). Prints the number of points in the set and a
 * checksum of the bitmap. Argument: size (default 2500). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int size = argc > 1 ? atoi(argv[1]) : 2500;
    uint32_t hash = 2166136261u;
    long inside = 0;
    for (int y = 0; y < size; y++) {
        double ci = 2.0 * y / size - 1.0;
        unsigned byte = 0;
        int bit = 0;
        for (int x = 0; x < size; x++) {
            double cr = 2.0 * x / size - 1.5;
            double zr = 0, zi = 0, tr = 0, ti = 0;
            int i = 0;
            for (; i < 50 && tr + ti <= 4.0; i++) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
            }
            byte = byte << 1 | (tr + ti <= 4.0);
            inside += tr + ti <= 4.0;
            if (++bit == 8 || x == size - 1) {
                hash = (hash ^ byte) * 16777619u;
                byte = 0;
                bit = 0;
            }
        }
    }
    printf("%d %ld %08x\n", size, inside, (unsigned) hash);
    return 0;
}
