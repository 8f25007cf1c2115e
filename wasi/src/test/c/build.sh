#!/bin/sh
# Rebuilds the WASI test programs: wasi/src/test/c/*.c -> wasi/src/test/resources/wasm/*.wasm
# Needs Debian's clang, lld and wasi-libc (apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/wasm"
mkdir -p "$out"
CC=${CC:-clang}
for src in "$here"/*.c; do
    name=$(basename "$src" .c)
    "$CC" --target=wasm32-wasi -Oz -Wl,--strip-all -o "$out/$name.wasm" "$src"
    echo "built $name.wasm ($(wc -c < "$out/$name.wasm") bytes)"
done
