/* A chained hash map from strings to integers, with one malloc'd node and one malloc'd key per entry: inserts,
 * lookups, updates and removals (free) in a pseudo-random order, with the table growing as it fills. Exercises
 * malloc/free, string hashing and comparison, and pointer chasing. Prints counts and a checksum.
 * Argument: operations (default 2500000). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
    struct node *next;
    uint32_t hash;
    int64_t value;
    char *key;
};

struct map {
    struct node **buckets;
    size_t mask;
    size_t size;
};

static uint32_t fnv(const char *s) {
    uint32_t h = 2166136261u;
    while (*s) {
        h = (h ^ (unsigned char) *s++) * 16777619u;
    }
    return h;
}

static void grow(struct map *m) {
    size_t n = (m->mask + 1) * 2;
    struct node **b = calloc(n, sizeof *b);
    for (size_t i = 0; i <= m->mask; i++) {
        struct node *e = m->buckets[i];
        while (e) {
            struct node *next = e->next;
            e->next = b[e->hash & (n - 1)];
            b[e->hash & (n - 1)] = e;
            e = next;
        }
    }
    free(m->buckets);
    m->buckets = b;
    m->mask = n - 1;
}

static struct node *find(struct map *m, const char *key, uint32_t h) {
    for (struct node *e = m->buckets[h & m->mask]; e; e = e->next) {
        if (e->hash == h && strcmp(e->key, key) == 0) {
            return e;
        }
    }
    return NULL;
}

static void put(struct map *m, const char *key, int64_t value) {
    uint32_t h = fnv(key);
    struct node *e = find(m, key, h);
    if (e) {
        e->value += value;
        return;
    }
    e = malloc(sizeof *e);
    size_t len = strlen(key) + 1;
    e->key = malloc(len);
    memcpy(e->key, key, len);
    e->hash = h;
    e->value = value;
    e->next = m->buckets[h & m->mask];
    m->buckets[h & m->mask] = e;
    if (++m->size > m->mask + 1) {
        grow(m);
    }
}

static int del(struct map *m, const char *key) {
    uint32_t h = fnv(key);
    struct node **p = &m->buckets[h & m->mask];
    for (; *p; p = &(*p)->next) {
        struct node *e = *p;
        if (e->hash == h && strcmp(e->key, key) == 0) {
            *p = e->next;
            free(e->key);
            free(e);
            m->size--;
            return 1;
        }
    }
    return 0;
}

/* "k" followed by the number in base 26 written with letters, then a tail that makes keys longer */
static void make_key(char *out, uint32_t k) {
    char *p = out;
    int tail = (int) (k & 7) + 4;
    *p++ = 'k';
    do {
        *p++ = (char) ('a' + k % 26);
        k /= 26;
    } while (k);
    for (int i = 0; i < tail; i++) {
        *p++ = '_';
    }
    *p = 0;
}

int main(int argc, char **argv) {
    long ops = argc > 1 ? atol(argv[1]) : 2500000;
    struct map m = {calloc(16, sizeof(struct node *)), 15, 0};
    uint32_t x = 2463534242u;
    long long found = 0, removed = 0, sum = 0;
    char key[32];
    for (long i = 0; i < ops; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        uint32_t k = (x >> 8) % 400000;
        make_key(key, k);
        switch (x & 7) {
        case 0: case 1: case 2: case 3:
            put(&m, key, (int64_t) (x & 0xff));
            break;
        case 4: case 5: {
            struct node *e = find(&m, key, fnv(key));
            if (e) {
                found++;
                sum += e->value;
            }
            break;
        }
        default:
            removed += del(&m, key);
            break;
        }
    }
    uint32_t check = 0;
    for (size_t i = 0; i <= m.mask; i++) {
        for (struct node *e = m.buckets[i]; e; e = e->next) {
            check += e->hash ^ (uint32_t) e->value;
        }
    }
    printf("%lu %lld %lld %lld %08x\n", (unsigned long) m.size, found, removed, sum, (unsigned) check);
    for (size_t i = 0; i <= m.mask; i++) {
        struct node *e = m.buckets[i];
        while (e) {
            struct node *next = e->next;
            free(e->key);
            free(e);
            e = next;
        }
    }
    free(m.buckets);
    return 0;
}
