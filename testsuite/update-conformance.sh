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
rm -f docs/conformance.md # the previous one is in git
# The report records this command line; robusta exits 1 when a test failed, which is not an error here.
status=0
bin/robusta wast --report docs/conformance.md "$suite"/wasm-2.0/*.wast >/dev/null || status=$?
if [[ ! -s docs/conformance.md ]]; then
  echo "update-conformance.sh: robusta wast failed (exit $status) without writing a report" >&2
  exit 1
fi
grep -m1 '^\*\*Total' docs/conformance.md
