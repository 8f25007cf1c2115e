/* Dense f64 matrix multiplication, n x n, in i-k-j order (loads, stores and multiply-adds in a loop nest over
 * linear memory). Prints the sum and the trace of the product. Argument: n (default 850). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 850;
    double *a = malloc(sizeof(double) * n * n);
    double *b = malloc(sizeof(double) * n * n);
    double *c = calloc((size_t) n * n, sizeof(double));
    unsigned x = 42;
    for (int i = 0; i < n * n; i++) {
        x = x * 1664525u + 1013904223u;
        a[i] = (double) (x >> 8) / 16777216.0 - 0.5;
        x = x * 1664525u + 1013904223u;
        b[i] = (double) (x >> 8) / 16777216.0 - 0.5;
    }
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
            double aik = a[i * n + k];
            for (int j = 0; j < n; j++) {
                c[i * n + j] += aik * b[k * n + j];
            }
        }
    }
    double sum = 0, trace = 0;
    for (int i = 0; i < n * n; i++) {
        sum += c[i];
    }
    for (int i = 0; i < n; i++) {
        trace += c[i * n + i];
    }
    printf("%d %.9f %.9f\n", n, sum, trace);
    free(a);
    free(b);
    free(c);
    return 0;
}
