#!/usr/bin/env bash
# Builds the whole-program benchmarks into bench/target/programs: each program in this folder for wasm32-wasi
# (NAME.wasm, with Debian's clang, lld and wasi-libc) and natively (native/NAME, with gcc), both -O2
# -ffp-contract=off so that they compute the same thing and print the same checksum. SQLite's amalgamation
# comes from the npm package better-sqlite3 (deps/sqlite3/), fetched with `npm pack` into bench/target/sqlite;
# it is never committed. The small programs' .wasm files are also copied to bench/programs/wasm/ (committed,
# so that they can be run without a wasm toolchain; a rebuild must leave them unchanged).
#
# Needs: apt-get install -y clang lld wasi-libc libclang-rt-14-dev-wasm32 gcc npm
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/bench/target/programs"
sqlite_pkg=better-sqlite3@12.11.1   # SQLite 3.53.2
mkdir -p "$out/native" "$here/wasm"

for tool in clang wasm-ld gcc npm; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing (see the top of this script)" >&2; exit 1; }
done

CFLAGS=(-O2 -ffp-contract=off -Wall -Wextra)
WASM=(clang --target=wasm32-wasi "${CFLAGS[@]}" -s -Wl,-z,stack-size=1048576)
NATIVE=(gcc "${CFLAGS[@]}")
# SQLite without an operating system layer (sqlite.c brings a VFS in memory), one thread, no extensions.
SQLITE_FLAGS=(-DSQLITE_OS_OTHER=1 -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_OMIT_WAL
  -DSQLITE_OMIT_SHARED_CACHE -DSQLITE_TEMP_STORE=3 -DSQLITE_DEFAULT_MEMSTATUS=0 -DSQLITE_DQS=0
  -DSQLITE_OMIT_DEPRECATED)

small=(fib nbody mandelbrot sha256 matmul quicksort hashmap memops)
for p in "${small[@]}"; do
  extra=()
  # memops measures the bulk memory instructions: memcpy, memmove and memset become memory.copy/fill.
  [[ $p == memops ]] && extra=(-mbulk-memory)
  echo "build.sh: $p" >&2
  "${WASM[@]}" "${extra[@]}" "$here/$p.c" -o "$out/$p.wasm"
  "${NATIVE[@]}" "$here/$p.c" -o "$out/native/$p" -lm
  cp "$out/$p.wasm" "$here/wasm/$p.wasm"
done

sq="$root/bench/target/sqlite"
if [[ ! -f $sq/package/deps/sqlite3/sqlite3.c ]]; then
  echo "build.sh: fetching $sqlite_pkg (npm pack) for SQLite's amalgamation" >&2
  mkdir -p "$sq"
  (cd "$sq" && npm pack --silent "$sqlite_pkg" >/dev/null && tar xzf better-sqlite3-*.tgz package/deps/sqlite3)
fi
inc="$sq/package/deps/sqlite3"
# The amalgamation takes a while to compile (about half a minute each): only when it changed.
if [[ ! -f $sq/sqlite3.wasm.o || $inc/sqlite3.c -nt $sq/sqlite3.wasm.o ]]; then
  echo "build.sh: sqlite3.c for wasm32-wasi" >&2
  "${WASM[@]}" "${SQLITE_FLAGS[@]}" -w -c "$inc/sqlite3.c" -o "$sq/sqlite3.wasm.o"
fi
if [[ ! -f $sq/sqlite3.native.o || $inc/sqlite3.c -nt $sq/sqlite3.native.o ]]; then
  echo "build.sh: sqlite3.c natively" >&2
  "${NATIVE[@]}" "${SQLITE_FLAGS[@]}" -w -c "$inc/sqlite3.c" -o "$sq/sqlite3.native.o"
fi
echo "build.sh: sqlite" >&2
"${WASM[@]}" "${SQLITE_FLAGS[@]}" -I"$inc" "$here/sqlite.c" "$sq/sqlite3.wasm.o" -o "$out/sqlite.wasm"
"${NATIVE[@]}" "${SQLITE_FLAGS[@]}" -I"$inc" "$here/sqlite.c" "$sq/sqlite3.native.o" -o "$out/native/sqlite" -lm
echo "build.sh: done, in $out" >&2
