#!/usr/bin/env bash
# In-process A/B of Robusta jars: runs a WASI module under each jar in one JVM, alternately, and prints each
# jar's run times. The first run of each jar includes its warm-up; the later ones show the steady state.
#
#   bench/ab/run.sh JAR[,JAR...] MODULE RUNS [ARG...]
#
# For example, the jar of main against the one just built:
#   bench/ab/run.sh /tmp/main.jar,cli/target/robusta.jar bench/target/programs/sha256.wasm 10
# The guest's standard output is discarded. JVM options can be given in AB_JAVA_OPTS (bin/robusta's JIT
# options are a good start: the guest's code then warms up as it does under bin/robusta).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 3 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
jars=$1
first=${jars%%,*}
out=$here/../target/ab
mkdir -p "$out"
javac -d "$out" -cp "$first" "$here/Runner.java" "$here/InProcessAb.java"
# shellcheck disable=SC2086
exec java ${AB_JAVA_OPTS:-} -cp "$out" InProcessAb "$jars" "$out" "${@:2}"
