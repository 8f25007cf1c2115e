/* Quicksort (median of three, insertion sort below 16 elements) of pseudo-random i32 arrays: compares,
 * branches and swaps in linear memory. Prints a checksum of the sorted arrays. Argument: the number of
 * elements (default 500000); it sorts ten arrays of that size. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static void insertion(int32_t *a, long lo, long hi) {
    for (long i = lo + 1; i <= hi; i++) {
        int32_t v = a[i];
        long j = i - 1;
        while (j >= lo && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void swap(int32_t *a, long i, long j) {
    int32_t t = a[i];
    a[i] = a[j];
    a[j] = t;
}

static void quicksort(int32_t *a, long lo, long hi) {
    while (hi - lo >= 16) {
        long mid = lo + (hi - lo) / 2;
        if (a[mid] < a[lo]) swap(a, mid, lo);
        if (a[hi] < a[lo]) swap(a, hi, lo);
        if (a[hi] < a[mid]) swap(a, hi, mid);
        int32_t pivot = a[mid];
        long i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) {
                swap(a, i, j);
                i++;
                j--;
            }
        }
        /* recurse into the smaller part, loop on the larger */
        if (j - lo < hi - i) {
            quicksort(a, lo, j);
            lo = i;
        } else {
            quicksort(a, i, hi);
            hi = j;
        }
    }
    insertion(a, lo, hi);
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 500000;
    int32_t *a = malloc(sizeof(int32_t) * n);
    uint32_t x = 7, check = 0;
    for (int round = 0; round < 10; round++) {
        for (long i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            a[i] = (int32_t) (x % 1000000007u) - 500000000;
        }
        quicksort(a, 0, n - 1);
        for (long i = 1; i < n; i++) {
            if (a[i - 1] > a[i]) {
                printf("not sorted at %ld\n", i);
                return 1;
            }
        }
        for (long i = 0; i < n; i += 97) {
            check = check * 31 + (uint32_t) a[i];
        }
    }
    printf("%ld %d %d %08x\n", n, a[0], a[n - 1], (unsigned) check);
    free(a);
    return 0;
}
