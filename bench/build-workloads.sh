#!/usr/bin/env bash
# Rebuilds the benchmark workloads' .wasm files from their .wat sources with wabt's wat2wasm
# (Debian package `wabt`). The .wasm files are committed so that the benchmarks build without wabt.
set -euo pipefail
cd "$(dirname "$0")/src/main/resources/workloads"
for f in *.wat; do
  wat2wasm "$f" -o "${f%.wat}.wasm"
done
