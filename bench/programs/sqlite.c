/* SQLite (the amalgamation, built with SQLITE_OS_OTHER: no operating system layer) on an in-memory database:
 * inserts in a transaction, an index, point queries through it, aggregates, a join, an update and a delete.
 * The operating system layer is this file's: a VFS whose files live in malloc'd memory (for the sorter's and
 * statements' temporary files), with fixed randomness and time, so that every run does the same thing.
 * Prints counts and a checksum of everything the queries returned. Argument: orders (default 150000). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite3.h"

/* ---- a file in memory ---- */

struct memfile {
    sqlite3_file base;
    unsigned char *data;
    sqlite3_int64 size, capacity;
};

static int mf_close(sqlite3_file *f) {
    free(((struct memfile *) f)->data);
    return SQLITE_OK;
}

static int mf_read(sqlite3_file *f, void *out, int n, sqlite3_int64 off) {
    struct memfile *m = (struct memfile *) f;
    sqlite3_int64 have = off >= m->size ? 0 : m->size - off < n ? m->size - off : n;
    if (have > 0) {
        memcpy(out, m->data + off, (size_t) have);
    }
    if (have < n) {
        memset((char *) out + have, 0, (size_t) (n - have));
        return SQLITE_IOERR_SHORT_READ;
    }
    return SQLITE_OK;
}

static int mf_reserve(struct memfile *m, sqlite3_int64 size) {
    if (size > m->capacity) {
        sqlite3_int64 c = m->capacity ? m->capacity : 4096;
        while (c < size) {
            c *= 2;
        }
        unsigned char *d = realloc(m->data, (size_t) c);
        if (!d) {
            return SQLITE_NOMEM;
        }
        memset(d + m->capacity, 0, (size_t) (c - m->capacity));
        m->data = d;
        m->capacity = c;
    }
    return SQLITE_OK;
}

static int mf_write(sqlite3_file *f, const void *in, int n, sqlite3_int64 off) {
    struct memfile *m = (struct memfile *) f;
    if (mf_reserve(m, off + n) != SQLITE_OK) {
        return SQLITE_IOERR_WRITE;
    }
    memcpy(m->data + off, in, (size_t) n);
    if (off + n > m->size) {
        m->size = off + n;
    }
    return SQLITE_OK;
}

static int mf_truncate(sqlite3_file *f, sqlite3_int64 size) {
    struct memfile *m = (struct memfile *) f;
    if (size < m->size) {
        memset(m->data + size, 0, (size_t) (m->size - size));
        m->size = size;
    }
    return SQLITE_OK;
}

static int mf_sync(sqlite3_file *f, int flags) { (void) f; (void) flags; return SQLITE_OK; }
static int mf_size(sqlite3_file *f, sqlite3_int64 *size) { *size = ((struct memfile *) f)->size; return SQLITE_OK; }
static int mf_lock(sqlite3_file *f, int level) { (void) f; (void) level; return SQLITE_OK; }
static int mf_reserved(sqlite3_file *f, int *out) { (void) f; *out = 0; return SQLITE_OK; }
static int mf_control(sqlite3_file *f, int op, void *arg) { (void) f; (void) op; (void) arg; return SQLITE_NOTFOUND; }
static int mf_sector(sqlite3_file *f) { (void) f; return 512; }
static int mf_device(sqlite3_file *f) { (void) f; return 0; }

static const sqlite3_io_methods memfile_methods = {
    .iVersion = 1, .xClose = mf_close, .xRead = mf_read, .xWrite = mf_write, .xTruncate = mf_truncate,
    .xSync = mf_sync, .xFileSize = mf_size, .xLock = mf_lock, .xUnlock = mf_lock,
    .xCheckReservedLock = mf_reserved, .xFileControl = mf_control, .xSectorSize = mf_sector,
    .xDeviceCharacteristics = mf_device,
};

/* ---- the VFS ---- */

static int vfs_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags) {
    (void) vfs; (void) name;
    struct memfile *m = (struct memfile *) f;
    memset(m, 0, sizeof *m);
    m->base.pMethods = &memfile_methods;
    if (out_flags) {
        *out_flags = flags;
    }
    return SQLITE_OK;
}

static int vfs_delete(sqlite3_vfs *vfs, const char *name, int sync) { (void) vfs; (void) name; (void) sync; return SQLITE_OK; }

static int vfs_access(sqlite3_vfs *vfs, const char *name, int flags, int *out) {
    (void) vfs; (void) name; (void) flags;
    *out = 0;
    return SQLITE_OK;
}

static int vfs_fullpath(sqlite3_vfs *vfs, const char *name, int n, char *out) {
    (void) vfs;
    sqlite3_snprintf(n, out, "%s", name);
    return SQLITE_OK;
}

static uint32_t seed = 1;

static int vfs_random(sqlite3_vfs *vfs, int n, char *out) {
    (void) vfs;
    for (int i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        out[i] = (char) (seed >> 16);
    }
    return n;
}

static int vfs_sleep(sqlite3_vfs *vfs, int us) { (void) vfs; return us; }
static int vfs_time(sqlite3_vfs *vfs, double *t) { (void) vfs; *t = 2460000.5; return SQLITE_OK; }
static int vfs_error(sqlite3_vfs *vfs, int n, char *out) { (void) vfs; (void) n; (void) out; return 0; }

static sqlite3_vfs memvfs = {
    .iVersion = 1, .szOsFile = sizeof(struct memfile), .mxPathname = 512, .zName = "mem",
    .xOpen = vfs_open, .xDelete = vfs_delete, .xAccess = vfs_access, .xFullPathname = vfs_fullpath,
    .xRandomness = vfs_random, .xSleep = vfs_sleep, .xCurrentTime = vfs_time, .xGetLastError = vfs_error,
};

int sqlite3_os_init(void) { return sqlite3_vfs_register(&memvfs, 1); }
int sqlite3_os_end(void) { return SQLITE_OK; }

/* ---- the workload ---- */

static sqlite3 *db;
static uint32_t check = 2166136261u;

static void fold(const void *p, size_t n) {
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        check = (check ^ b[i]) * 16777619u;
    }
}

static void die(const char *what) {
    printf("%s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

static void exec(const char *sql) {
    char *err = 0;
    if (sqlite3_exec(db, sql, 0, 0, &err) != SQLITE_OK) {
        printf("%s: %s\n", sql, err);
        exit(1);
    }
}

static sqlite3_stmt *prepare(const char *sql) {
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, 0) != SQLITE_OK) {
        die(sql);
    }
    return s;
}

/* Runs a prepared statement to the end, folding every column of every row; returns the rows. */
static long run(sqlite3_stmt *s) {
    long rows = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        rows++;
        for (int i = 0; i < sqlite3_column_count(s); i++) {
            if (sqlite3_column_type(s, i) == SQLITE_INTEGER) {
                sqlite3_int64 v = sqlite3_column_int64(s, i);
                fold(&v, sizeof v);
            } else {
                const unsigned char *t = sqlite3_column_text(s, i);
                fold(t ? t : (const unsigned char *) "", (size_t) sqlite3_column_bytes(s, i));
            }
        }
    }
    if (rc != SQLITE_DONE) {
        die("step");
    }
    sqlite3_reset(s);
    return rows;
}

static uint32_t x = 977;

static uint32_t next(void) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
}

static const char *const words[] = {
    "apple", "bolt", "cable", "drill", "engine", "fan", "gear", "hinge", "iron", "jack",
    "kettle", "lamp", "motor", "nail", "oven", "pump", "quartz", "rope", "saw", "tape",
};

int main(int argc, char **argv) {
    int orders = argc > 1 ? atoi(argv[1]) : 150000;
    int customers = orders / 20 + 1;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        die("open");
    }
    exec("CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT NOT NULL, region INTEGER NOT NULL);"
         "CREATE TABLE item(id INTEGER PRIMARY KEY, customer INTEGER NOT NULL, product TEXT NOT NULL,"
         " quantity INTEGER NOT NULL, price INTEGER NOT NULL);");

    exec("BEGIN");
    sqlite3_stmt *ins = prepare("INSERT INTO customer(id, name, region) VALUES (?1, ?2, ?3)");
    char name[64];
    for (int i = 1; i <= customers; i++) {
        uint32_t r = next();
        snprintf(name, sizeof name, "%s-%s-%u", words[r % 20], words[(r >> 5) % 20], r % 10007);
        sqlite3_bind_int(ins, 1, i);
        sqlite3_bind_text(ins, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins, 3, (int) ((r >> 10) % 12));
        run(ins);
    }
    sqlite3_finalize(ins);
    ins = prepare("INSERT INTO item(customer, product, quantity, price) VALUES (?1, ?2, ?3, ?4)");
    for (int i = 0; i < orders; i++) {
        uint32_t r = next();
        sqlite3_bind_int(ins, 1, (int) (r % (uint32_t) customers) + 1);
        sqlite3_bind_text(ins, 2, words[(r >> 12) % 20], -1, SQLITE_STATIC);
        sqlite3_bind_int(ins, 3, (int) ((r >> 17) % 9) + 1);
        sqlite3_bind_int(ins, 4, (int) (next() % 100000));
        run(ins);
    }
    sqlite3_finalize(ins);
    exec("COMMIT");

    exec("CREATE INDEX item_customer ON item(customer)");
    exec("CREATE INDEX customer_region ON customer(region, name)");

    /* point queries through the index */
    sqlite3_stmt *q = prepare("SELECT count(*), sum(quantity * price), max(product) FROM item WHERE customer = ?1");
    long rows = 0;
    for (int i = 0; i < customers; i++) {
        sqlite3_bind_int(q, 1, (int) (next() % (uint32_t) customers) + 1);
        rows += run(q);
    }
    sqlite3_finalize(q);

    /* aggregates */
    q = prepare("SELECT product, count(*), sum(quantity), min(price), max(price), sum(price * quantity)"
                " FROM item GROUP BY product ORDER BY product");
    rows += run(q);
    sqlite3_finalize(q);

    /* a join with grouping and ordering */
    q = prepare("SELECT c.region, count(DISTINCT c.id), count(*), sum(i.price * i.quantity)"
                " FROM customer c JOIN item i ON i.customer = c.id GROUP BY c.region ORDER BY c.region");
    rows += run(q);
    sqlite3_finalize(q);
    q = prepare("SELECT c.name, sum(i.price * i.quantity) AS total FROM customer c JOIN item i ON i.customer = c.id"
                " WHERE c.region = 3 GROUP BY c.id ORDER BY total DESC, c.name LIMIT 20");
    rows += run(q);
    sqlite3_finalize(q);

    /* an update, a delete, and the aggregate again */
    exec("BEGIN");
    exec("UPDATE item SET price = price + 1 WHERE quantity > 7");
    exec("DELETE FROM item WHERE price % 13 = 0");
    exec("COMMIT");
    q = prepare("SELECT count(*), sum(price), total_changes() FROM item");
    rows += run(q);
    sqlite3_finalize(q);

    /* text matching */
    q = prepare("SELECT count(*) FROM customer WHERE name LIKE '%gear%' OR name GLOB '*-saw-*'");
    rows += run(q);
    sqlite3_finalize(q);

    sqlite3_close(db);
    printf("%d %d %ld %08x\n", customers, orders, rows, (unsigned) check);
    return 0;
}
