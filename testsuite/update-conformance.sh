#!/usr/bin/env bash
# Regenerates docs/conformance.md: runs the WebAssembly 2.0 spec test suite (../shared/testsuite, beside the
# repository, or $ROBUSTA_TESTSUITE) with `robusta wast --report` and prints the totals. The report is
# written even when some tests fail; this script fails only when the report could not be made.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
suite=${ROBUSTA_TESTSUITE:-../shared/testsuite}
if [[ ! -d $suite/wasm-2.0 ]]; then
  echo "update-conformance.sh: no spec test suite at $suite (set ROBUSTA_TESTSUITE)" >&2
  exit 1
fi

mkdir -p docs
# One table per engine and suite (the previous ones are in git). The report records the command line;
# robusta exits 1 when a test failed, which is not an error here.
report() { # FILE ENGINE SCRIPTS...
  local file=$1 engine=$2 status=0
  shift 2
  rm -f "$file"
  bin/robusta wast --engine "$engine" --report "$file" "$@" >/dev/null || status=$?
  if [[ ! -s $file ]]; then
    echo "update-conformance.sh: robusta wast failed (exit $status) without writing $file" >&2
    exit 1
  fi
  echo "$file: $(grep -m1 '^\*\*Total' "$file")"
}
report docs/conformance.md interpreter "$suite"/wasm-2.0/*.wast
report docs/conformance-compiler.md compiler "$suite"/wasm-2.0/*.wast
report docs/conformance-3.0.md interpreter $(find "$suite"/wasm-3.0 -name '*.wast' | sort)
