#!/usr/bin/env bash
# Runs the whole-program benchmarks (bench/programs/*.c, built by build.sh) on every engine in one run and
# writes the results to docs/performance.md (the part between the "bench/programs/run.sh" markers).
#
#   bench/programs/run.sh [-n REPS] [-t TIMEOUT] [-p "PROGRAM..."] [-e "ENGINE..."] [-s ROUNDS] [-c ROUNDS]
#                         [-C "PROGRAM[:ARG]..."] [--no-build] [--no-doc]
#
# Engines: native (gcc -O2), node (V8, node:wasi), chicory-compiler and chicory-interpreter (Chicory 1.7.5
# through bench's ChicoryRun), robusta-interpreter and robusta-compiler (`bin/robusta run --engine ...`, as
# users run it). Both JVM runtimes get a static AppCDS archive of their own classes: bin/robusta makes and
# maps its own (cli/target/cds); this script makes Chicory's the same way (class lists of training runs of
# the WASI hello world on both engines, then -Xshare:dump) before the timed runs, and runs Chicory without one,
# saying so, when the JVM refuses it.
# Each measurement is the wall time of a whole process, from its start to its exit (JVM start-up, decoding,
# compilation and warm-up included). The runs are interleaved: REPS rounds (default 3), each running every
# program on every engine (the engines' order rotating from round to round), so that a change in the
# machine's load spreads over all engines instead of falling on one. A cell is the median of its rounds.
# A run that takes longer than TIMEOUT seconds (default 300) is stopped, reported as "> TIMEOUT s" and not
# repeated. Every run's standard output must be the native program's, byte for byte: otherwise the run is
# reported as WRONG, loudly. An engine that cannot run a trivial program (fib 20) is left out, "n/a", with
# its reason. Nothing is ever estimated: a cell has a measured time, or says why it has none.
# Two more measurements share the rounds (a round runs the programs, then these): start-up, the WASI hello
# world (wasi/src/test/resources/wasm/hello.wasm) on every engine but native, ROUNDS of -s (default 10); and
# the code cache, each PROGRAM[:ARG] of -C (default "sqlite sqlite:1") under `bin/robusta run --engine
# compiler` without --cache, then with --cache and an empty directory (first start), then again with the
# filled directory (second start), a fresh directory in each round, ROUNDS of -c (default REPS). 0 rounds
# leaves a measurement out.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 1

reps=3
timeout_s=300
programs="fib nbody mandelbrot sha256 matmul quicksort hashmap memops sqlite"
engines="native node chicory-compiler chicory-interpreter robusta-interpreter robusta-compiler"
default_programs=$programs
default_engines=$engines
startup_reps=10
cache_reps=
cache_workloads="sqlite sqlite:1"
build=1
doc=1
while (($#)); do
  case $1 in
    -n) reps=$2; shift 2 ;;
    -t) timeout_s=$2; shift 2 ;;
    -p) programs=$2; shift 2 ;;
    -e) engines=$2; shift 2 ;;
    -s) startup_reps=$2; shift 2 ;;
    -c) cache_reps=$2; shift 2 ;;
    -C) cache_workloads=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-doc) doc=0; shift ;;
    *) sed -n '2,/^set -uo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 1 ;;
  esac
done
cache_reps=${cache_reps:-$reps}
args_used="-n $reps -t $timeout_s -s $startup_reps -c $cache_reps"
[[ $programs != "$default_programs" ]] && args_used+=" -p \"$programs\""
[[ $engines != "$default_engines" ]] && args_used+=" -e \"$engines\""
[[ $cache_workloads != "sqlite sqlite:1" ]] && args_used+=" -C \"$cache_workloads\""
# The launcher's defaults, as a user gets them: no extra JVM options, the class-data archive on.
unset ROBUSTA_JAVA_OPTS ROBUSTA_CDS ROBUSTA_CDS_DIR

out=bench/target/programs
results=bench/target/programs-results
mkdir -p "$results"
log() { printf '%s\n' "run.sh: $*" >&2; }

if ((build)); then
  log "building the programs, robusta.jar and benchmarks.jar"
  bench/programs/build.sh || exit 1
  mvn -o -q -B -Pbench -DskipTests -pl cli,bench -am package >"$results/mvn.log" 2>&1 \
    || { cat "$results/mvn.log" >&2; log "the Maven build failed"; exit 1; }
fi

runs="$results/runs.tsv"           # program, engine, round, wall ms, status, CPU ms
startup_runs="$results/startup.tsv" # engine, round, wall ms, status, CPU ms
cache_runs="$results/cache.tsv"     # workload, kind (none, first, second), round, wall ms, status, CPU ms, KB
notes="$results/notes.txt"
cds_notes="$results/cds.txt"       # how each JVM runtime's class-data archive was made
: >"$runs"
: >"$startup_runs"
: >"$cache_runs"
: >"$notes"
: >"$cds_notes"
hello=wasi/src/test/resources/wasm/hello.wasm
chicory_jar=bench/target/benchmarks.jar
chicory_archive=$results/chicory-cds/chicory.jsa
# The options that map a class-data archive, as bin/robusta passes them: -Xshare:auto runs without the archive
# when the JVM refuses it, -Xlog:cds=off keeps it from saying so on standard output.
cds_options() { echo "-XX:SharedArchiveFile=$1 -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"; }
chicory_java="java"                # becomes "java OPTIONS" once Chicory's archive is made and taken

# The command line of ENGINE running PROGRAM (the module's path is relative to the repository).
command_of() {
  local engine=$1 p=$2
  case $engine in
    native) echo "$out/native/$p" ;;
    node) echo "node --no-warnings bench/programs/node-wasi.mjs $out/$p.wasm" ;;
    chicory-compiler) echo "$chicory_java -cp $chicory_jar dev.robusta.bench.ChicoryRun --engine compiler $out/$p.wasm" ;;
    chicory-interpreter) echo "$chicory_java -cp $chicory_jar dev.robusta.bench.ChicoryRun --engine interpreter $out/$p.wasm" ;;
    robusta-interpreter) echo "bin/robusta run --engine interpreter $out/$p.wasm" ;;
    robusta-compiler) echo "bin/robusta run --engine compiler $out/$p.wasm" ;;
    *) log "unknown engine $engine"; exit 1 ;;
  esac
}

# The command line of ENGINE running the module FILE (start-up: the hello world).
command_of_file() {
  local engine=$1 file=$2
  command_of "$engine" @ | sed "s|$out/@\.wasm|$file|"
}

# The code cache's command line: PROGRAM[:ARG] with the cache in DIR ("" for no --cache).
cache_command() {
  local workload=$1 dir=$2
  echo "bin/robusta run --engine compiler${dir:+ --cache $dir} $out/${workload%%:*}.wasm$(workload_args "$workload")"
}
workload_args() { [[ $1 == *:* ]] && echo " ${1#*:}"; }
workload_label() { echo "${1%%:*}$(workload_args "$1")"; }

# Runs one command with the time limit; sets ms (wall time), cpu_ms (user + system time of the process and
# its threads) and rc, and leaves its output in $results/last.*.
time_run() {
  local limit=$1; shift
  local start end
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # the command line is split into words on purpose
  /usr/bin/time -f '%U %S' -o "$results/last.time" \
    timeout --kill-after=10 "$limit" $* <"/dev/null" >"$results/last.out" 2>"$results/last.err"
  rc=$?
  end=$(date +%s%N)
  ms=$(((end - start) / 1000000))
  cpu_ms=$(awk 'END { printf "%d", ($1 + $2) * 1000 }' "$results/last.time")
}

# The first telling line of the last run's standard error (java.util.logging's date lines skipped).
first_err_line() {
  grep -v -e '^[[:space:]]*$' -e '^[A-Z][a-z][a-z] [0-9]\{1,2\}, [0-9]\{4\} .*[AP]M ' "$results/last.err" | head -n 1
}

# Judges the last run of WHAT ("fib on node") in round ROUND: sets status (ok, timeout, failed, wrong) from
# rc and the output, which must be EXPECTED; notes a failure, a wrong output, and anything written to
# standard error unless it is EXPECTED_ERR (when given).
judge() {
  local what=$1 round=$2 expected=$3
  if [[ $rc -eq 124 || $rc -eq 137 ]]; then
    status=timeout
  elif [[ $rc -ne 0 ]]; then
    status=failed
    printf '%s: exit code %s: %s\n' "$what" "$rc" "$(first_err_line)" >>"$notes"
  elif [[ $(cat "$results/last.out") != "$expected" ]]; then
    status=wrong
    log "!!!!!!!! WRONG OUTPUT: $what printed $(head -c 300 "$results/last.out") instead of $expected"
    printf '%s: WRONG OUTPUT (round %s): %s instead of %s\n' "$what" "$round" \
      "$(tr '\n' ' ' <"$results/last.out" | head -c 300)" "$(tr '\n' ' ' <<<"$expected")" >>"$notes"
  else
    status=ok
  fi
  if [[ -s $results/last.err && $status != failed && ( $# -lt 4 || $(cat "$results/last.err") != "$4" ) ]]; then
    printf '%s wrote to stderr: %s\n' "$what" "$(first_err_line)" >>"$notes"
  fi
}

for p in $programs; do
  [[ -x $out/native/$p && -f $out/$p.wasm ]] || { log "$out/$p.wasm or native/$p is missing: run build.sh"; exit 1; }
done
((cache_reps > 0)) && for w in $cache_workloads; do
  p=${w%%:*}
  [[ -x $out/native/$p && -f $out/$p.wasm ]] || { log "$out/$p.wasm or native/$p is missing: run build.sh"; exit 1; }
done
[[ -f $hello ]] || { log "$hello is missing"; exit 1; }

uses() { [[ " $engines " == *" $1 "* ]]; }
# robusta's class-data archive: bin/robusta makes it at its first run (and builds the jar if it is stale);
# done here, before any timed run. Whether the JVM takes it is checked with -Xshare:on, which fails otherwise.
if uses robusta-interpreter || uses robusta-compiler || ((cache_reps > 0)); then
  log "bin/robusta's first run (makes its class-data archive)"
  bin/robusta run "$hello" </dev/null >/dev/null 2>&1
  archive=$(ls -t cli/target/cds/robusta-*.jsa 2>/dev/null | head -n 1)
  if [[ -n $archive ]] && java -XX:SharedArchiveFile="$archive" -Xshare:on -Xlog:cds=off \
      -jar cli/target/robusta.jar run "$hello" </dev/null >/dev/null 2>&1; then
    printf 'robusta\t%s\n' "bin/robusta mapped its archive \`$archive\` (checked with \`-Xshare:on\`)" >>"$cds_notes"
  else
    printf 'robusta\t%s\n' "**bin/robusta ran without a class-data archive**: ${archive:+the JVM refused $archive}${archive:-none was made}" >>"$cds_notes"
  fi
fi
# Chicory's class-data archive, made as bin/robusta makes its own: the classes loaded by training runs of the
# hello world on both engines, then -Xshare:dump; taken only when a run with -Xshare:on accepts it.
if uses chicory-compiler || uses chicory-interpreter; then
  log "making Chicory's class-data archive"
  d=$(dirname "$chicory_archive")
  rm -rf "$d" && mkdir -p "$d"
  chicory_main="-cp $chicory_jar dev.robusta.bench.ChicoryRun"
  # shellcheck disable=SC2086
  if {
    java -XX:DumpLoadedClassList="$d/compiler.classlist" $chicory_main --engine compiler "$hello" \
      && java -XX:DumpLoadedClassList="$d/interpreter.classlist" $chicory_main --engine interpreter "$hello" \
      && if grep -q -e ' id: ' -e '^@cp ' "$d/compiler.classlist"; then
           cp "$d/compiler.classlist" "$d/chicory.classlist" # a newer JDK's format: lists cannot be merged
         else
           awk '!seen[$0]++' "$d/compiler.classlist" "$d/interpreter.classlist" >"$d/chicory.classlist"
         fi \
      && java -Xshare:dump -XX:SharedClassListFile="$d/chicory.classlist" -XX:SharedArchiveFile="$chicory_archive" \
           -cp "$chicory_jar" \
      && java -XX:SharedArchiveFile="$chicory_archive" -Xshare:on -Xlog:cds=off $chicory_main --engine compiler "$hello"
  } </dev/null >"$d/make.log" 2>&1; then
    chicory_java="java $(cds_options "$chicory_archive")"
    printf 'chicory\t%s\n' "Chicory's archive \`$chicory_archive\` ($(wc -l <"$d/chicory.classlist") classes listed) was made by \`java -XX:DumpLoadedClassList=LIST -cp $chicory_jar dev.robusta.bench.ChicoryRun --engine compiler|interpreter $hello\` (the two lists merged), then \`java -Xshare:dump -XX:SharedClassListFile=LIST -XX:SharedArchiveFile=$chicory_archive -cp $chicory_jar\`, and checked with \`-Xshare:on\`" >>"$cds_notes"
  else
    reason=$(grep -i -m1 -e error -e refus -e fail "$d/make.log")
    [[ -z $reason ]] && reason=$(grep -v '^[[:space:]]*$' "$d/make.log" | tail -n 1)
    printf 'chicory\t%s\n' "**Chicory ran without a class-data archive**: the JVM refused to make or map it: \`$reason\`" >>"$cds_notes"
    log "Chicory's class-data archive could not be made or mapped: see $d/make.log; Chicory runs without"
  fi
fi

# Which engines can run at all: fib 20 must print fib(20) = 6765. The code cache needs robusta-compiler.
declare -A unavailable=()
checked_engines=$engines
((cache_reps > 0)) && ! uses robusta-compiler && checked_engines+=" robusta-compiler"
for e in $checked_engines; do
  time_run 120 "$(command_of "$e" fib) 20"
  if [[ $rc -ne 0 || $(cat "$results/last.out") != "fib(20) = 6765" ]]; then
    reason=$(first_err_line)
    [[ -z $reason ]] && reason="exit code $rc, output: $(head -c 200 "$results/last.out")"
    unavailable[$e]="$reason"
    log "engine $e is not available: $reason"
  fi
done

# The reference output of each program: the native build's (with its argument, for the code cache's).
declare -A expected=()
for p in $programs $( ((cache_reps > 0)) && echo "$cache_workloads"); do
  [[ -n ${expected[$p]+set} ]] && continue
  # shellcheck disable=SC2046
  time_run "$timeout_s" "$out/native/${p%%:*}$(workload_args "$p")"
  [[ $rc -eq 0 ]] || { log "native $p failed (exit $rc)"; exit 1; }
  expected[$p]=$(cat "$results/last.out")
done

machine_load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
declare -A done_with=()   # program/engine pairs that timed out or failed: not repeated
read -r -a engine_list <<<"$engines"
n_engines=${#engine_list[@]}
startup_engines=()
for e in "${engine_list[@]}"; do [[ $e != native ]] && startup_engines+=("$e"); done
n_startup=${#startup_engines[@]}
read -r -a workload_list <<<"$cache_workloads"
rounds=$reps
((startup_reps > rounds)) && rounds=$startup_reps
((cache_reps > rounds)) && rounds=$cache_reps
for ((r = 1; r <= rounds; r++)); do
  ((r <= reps)) && for p in $programs; do
    for ((k = 0; k < n_engines; k++)); do
      e=${engine_list[$(((k + r - 1) % n_engines))]}
      [[ -n ${unavailable[$e]:-} || -n ${done_with[$p/$e]:-} ]] && continue
      time_run "$timeout_s" "$(command_of "$e" "$p")"
      judge "$p on $e" "$r" "${expected[$p]}"
      [[ $status == timeout || $status == failed ]] && done_with[$p/$e]=1
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$p" "$e" "$r" "$ms" "$status" "$cpu_ms" >>"$runs"
      log "round $r/$reps: $p on $e: $ms ms, CPU $cpu_ms ms ($status)"
    done
  done
  # start-up: the hello world on every engine but native, in rotating order
  ((r <= startup_reps)) && for ((k = 0; k < n_startup; k++)); do
    e=${startup_engines[$(((k + r - 1) % n_startup))]}
    [[ -n ${unavailable[$e]:-} || -n ${done_with[hello/$e]:-} ]] && continue
    time_run "$timeout_s" "$(command_of_file "$e" "$hello")"
    judge "start-up (hello.wasm) on $e" "$r" "Hello, world!" "to stderr"
    [[ $status == timeout || $status == failed ]] && done_with[hello/$e]=1
    printf '%s\t%s\t%s\t%s\t%s\n' "$e" "$r" "$ms" "$status" "$cpu_ms" >>"$startup_runs"
    log "round $r/$startup_reps: start-up on $e: $ms ms, CPU $cpu_ms ms ($status)"
  done
  # the code cache: each workload without --cache, then a first start with an empty directory and a second
  # start with the directory the first filled (the run without --cache first in odd rounds, last in even ones)
  ((r <= cache_reps)) && [[ -z ${unavailable[robusta-compiler]:-} ]] && for w in "${workload_list[@]}"; do
    [[ -n ${done_with[cache/$w]:-} ]] && continue
    dir=$(mktemp -d "$results/cache.XXXXXX")
    if ((r % 2)); then kinds="none first second"; else kinds="first second none"; fi
    for kind in $kinds; do
      [[ -n ${done_with[cache/$w]:-} ]] && break
      time_run "$timeout_s" "$(cache_command "$w" "$([[ $kind != none ]] && echo "$dir")")"
      judge "code cache: $(workload_label "$w") ($([[ $kind == none ]] && echo "without --cache" || echo "$kind start"))" "$r" "${expected[$w]}"
      [[ $status == timeout || $status == failed ]] && done_with[cache/$w]=1
      kb=$([[ $kind != none ]] && du -sk "$dir" | cut -f1)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$w" "$kind" "$r" "$ms" "$status" "$cpu_ms" "$kb" >>"$cache_runs"
      log "round $r/$cache_reps: code cache, $(workload_label "$w"), $kind: $ms ms, CPU $cpu_ms ms ($status)${kb:+, $kb KB}"
    done
    rm -rf "$dir"
  done
done
machine_load_end=$(cut -d' ' -f1-3 /proc/loadavg)
finished=$(date -u '+%Y-%m-%d %H:%M UTC')

# ---- the report ----
unavailable_list=""
for e in $engines; do
  [[ -n ${unavailable[$e]:-} ]] && unavailable_list+="$e"$'\t'"${unavailable[$e]}"$'\n'
done
# Writes the table of medians of column COL of the runs (4: wall time, 6: CPU time), and when RATIOS is 1, the
# table of ratios.
tables() {
  awk -F'\t' -v col="$1" -v ratios="$2" -v programs="$programs" -v engines="$engines" -v limit="$timeout_s" \
    -v unavail="$unavailable_list" '
    BEGIN {
      np = split(programs, P, " "); ne = split(engines, E, " ")
      nu = split(unavail, U, "\n")
      for (i = 1; i <= nu; i++) if (U[i] != "") { split(U[i], f, "\t"); na[f[1]] = f[2] }
    }
    { key = $1 SUBSEP $2; t[key, ++cnt[key]] = $col / 1000; if ($5 != "ok") bad[key] = $5 }
    function median(key,   n, i, j, v, tmp) {
      n = cnt[key]
      for (i = 1; i <= n; i++) v[i] = t[key, i]
      for (i = 2; i <= n; i++) { tmp = v[i]; for (j = i - 1; j >= 1 && v[j] > tmp; j--) v[j + 1] = v[j]; v[j + 1] = tmp }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    # the median time, or -1 when there is none that can be compared (timeout, failure, wrong, n/a)
    function value(p, e,   key) {
      key = p SUBSEP e
      if (e in na || !(key in cnt) || bad[key] != "") return -1
      return median(key)
    }
    function cell(p, e,   key) {
      key = p SUBSEP e
      if (e in na) return "n/a"
      if (!(key in cnt)) return "-"
      if (bad[key] == "timeout") return ratios ? "> " limit : "timeout"
      if (bad[key] == "failed") return "failed"
      if (bad[key] == "wrong") return sprintf("**WRONG** (%.2f)", median(key))
      return sprintf("%.2f", median(key))
    }
    # a ratio a/b of two engines on a program: "> x" when a timed out, "< x" when b did, "" when there is
    # nothing to say
    function ratio(p, a, b,   va, vb) {
      va = value(p, a); vb = value(p, b)
      if (va > 0 && vb > 0) { lr[a, b] += log(va / vb); ln[a, b]++; return sprintf("%.1f", va / vb) }
      if (vb > 0 && bad[p, a] == "timeout") return sprintf("> %.1f", limit / vb)
      if (va > 0 && bad[p, b] == "timeout") return sprintf("< %.1f", va / limit)
      return ""
    }
    function gmean(a, b) { return ln[a, b] ? sprintf("**%.1f**", exp(lr[a, b] / ln[a, b])) : "" }
    function row(cells, n,   s, i) { s = "|"; for (i = 1; i <= n; i++) s = s " " cells[i] " |"; print s }
    END {
      # medians
      h[1] = "program"; for (j = 1; j <= ne; j++) h[j + 1] = E[j]; row(h, ne + 1)
      s = "|---"; for (j = 1; j <= ne; j++) s = s "|---:"; print s "|"
      for (i = 1; i <= np; i++) {
        c[1] = P[i]; for (j = 1; j <= ne; j++) c[j + 1] = cell(P[i], E[j]); row(c, ne + 1)
      }
      print ""
      if (!ratios) exit
      # ratios: each wasm engine to native and to Node; ours to Chicory (engines that are n/a left out)
      nc = 0
      node_ok = 0; for (j = 1; j <= ne; j++) if (E[j] == "node" && !("node" in na)) node_ok = 1
      for (j = 1; j <= ne; j++) if (E[j] != "native" && !(E[j] in na) && !("native" in na)) { nc++; A[nc] = E[j]; B[nc] = "native"; L[nc] = E[j] " / native" }
      for (j = 1; j <= ne; j++) if (E[j] != "native" && E[j] != "node" && !(E[j] in na) && node_ok) { nc++; A[nc] = E[j]; B[nc] = "node"; L[nc] = E[j] " / node" }
      pairs["robusta-interpreter"] = "chicory-interpreter"; pairs["robusta-compiler"] = "chicory-compiler"
      for (j = 1; j <= ne; j++) if (E[j] in pairs && !(E[j] in na)) {
        for (k = 1; k <= ne; k++) if (E[k] == pairs[E[j]] && !(E[k] in na)) { nc++; A[nc] = E[j]; B[nc] = E[k]; L[nc] = E[j] " / " E[k] }
      }
      print "Ratios of the medians (time of the first engine divided by that of the second: 3.0 means three times as"
      print "slow, 0.5 twice as fast); the last row is their geometric mean over the programs that both ran:"
      print ""
      h2[1] = "program"; for (j = 1; j <= nc; j++) h2[j + 1] = L[j]; row(h2, nc + 1)
      s = "|---"; for (j = 1; j <= nc; j++) s = s "|---:"; print s "|"
      for (i = 1; i <= np; i++) {
        c2[1] = P[i]; for (j = 1; j <= nc; j++) c2[j + 1] = ratio(P[i], A[j], B[j]); row(c2, nc + 1)
      }
      c2[1] = "geometric mean"; for (j = 1; j <= nc; j++) c2[j + 1] = gmean(A[j], B[j]); row(c2, nc + 1)
      print ""
    }' "$runs"
}

rounds_text() { if (($1 == 1)); then echo "1 round"; else echo "$1 rounds"; fi; }
# The median of the N values v[1..N] (sorted in place).
awk_median='function median_of(v, n,   i, j, tmp) {
  for (i = 2; i <= n; i++) { tmp = v[i]; for (j = i - 1; j >= 1 && v[j] > tmp; j--) v[j + 1] = v[j]; v[j + 1] = tmp }
  return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}'
# The start-up table: one row per engine, medians of the hello world's wall and CPU times.
startup_table() {
  awk -F'\t' -v engines="${startup_engines[*]}" -v unavail="$unavailable_list" "$awk_median"'
    BEGIN {
      ne = split(engines, E, " ")
      nu = split(unavail, U, "\n")
      for (i = 1; i <= nu; i++) if (U[i] != "") { split(U[i], f, "\t"); na[f[1]] = f[2] }
    }
    { n = ++cnt[$1]; wall[$1, n] = $3; cpu[$1, n] = $5; if ($4 != "ok") bad[$1] = $4 }
    function med(a, e,   i, v) { for (i = 1; i <= cnt[e]; i++) v[i] = a[e, i]; return median_of(v, cnt[e]) }
    function least(e,   i, m) { m = wall[e, 1]; for (i = 2; i <= cnt[e]; i++) if (wall[e, i] < m) m = wall[e, i]; return m }
    END {
      print "| engine | wall time, median (ms) | CPU time, median (ms) | fastest run (ms) | runs | target: under 300 ms |"
      print "|---|---:|---:|---:|---:|---|"
      for (j = 1; j <= ne; j++) {
        e = E[j]; target = e ~ /^robusta-/
        if (e in na) { print "| " e " | n/a | | | | |"; continue }
        if (!(e in cnt)) { print "| " e " | - | | | | |"; continue }
        if (bad[e] != "") { print "| " e " | " (bad[e] == "wrong" ? "**WRONG**" : bad[e]) " | | | " cnt[e] " | " (target ? "**not met**" : "") " |"; continue }
        w = med(wall, e)
        printf "| %s | %d | %d | %d | %d | %s |\n", e, w, med(cpu, e), least(e), cnt[e], \
          target ? (w < 300 ? "met" : "**not met**") : ""
      }
      print ""
    }' "$startup_runs"
}
# The code cache's table: one row per workload, medians of the three kinds of start, and the ratios.
cache_table() {
  awk -F'\t' -v workloads="$cache_workloads" "$awk_median"'
    BEGIN { nw = split(workloads, W, " ") }
    { k = $1 SUBSEP $2; n = ++cnt[k]; wall[k, n] = $4 / 1000; cpu[k, n] = $6 / 1000; if ($5 != "ok") bad[k] = $5
      if ($2 == "first" && $7 != "") { kbn[$1]++; kb[$1, kbn[$1]] = $7 } }
    function med(a, k,   i, v) { for (i = 1; i <= cnt[k]; i++) v[i] = a[k, i]; return median_of(v, cnt[k]) }
    function cell(w, kind,   k) {
      k = w SUBSEP kind
      if (!(k in cnt)) return "-"
      if (bad[k] == "wrong") return sprintf("**WRONG** (%.2f)", med(wall, k))
      if (bad[k] != "") return bad[k]
      return sprintf("%.2f", med(wall, k))
    }
    function ok(w, kind) { return (w SUBSEP kind) in cnt && bad[w, kind] == "" }
    function label(w,   s) { s = w; sub(/:/, ".wasm ", s); if (s !~ / /) s = s ".wasm"; return "`" s "`" }
    END {
      print "| module | without `--cache` (s) | first start, empty DIR (s) | second start, filled DIR (s) | first / second, wall | first / second, CPU | target: 2x |"
      print "|---|---:|---:|---:|---:|---:|---|"
      for (i = 1; i <= nw; i++) {
        w = W[i]
        r = ""; rc = ""; t = ""
        if (ok(w, "first") && ok(w, "second")) {
          q = med(wall, w SUBSEP "first") / med(wall, w SUBSEP "second")
          r = sprintf("%.1f", q); rc = sprintf("%.1f", med(cpu, w SUBSEP "first") / med(cpu, w SUBSEP "second"))
          t = q >= 2 ? "met" : "**not met**"
        }
        printf "| %s | %s | %s | %s | %s | %s | %s |\n", label(w), cell(w, "none"), cell(w, "first"), cell(w, "second"), r, rc, t
      }
      print ""
      for (i = 1; i <= nw; i++) if (kbn[W[i]]) {
        for (j = 1; j <= kbn[W[i]]; j++) v[j] = kb[W[i], j]
        printf "%s%s %d KB", (s++ ? "; " : "The cache directory after the first start (median): "), label(W[i]), median_of(v, kbn[W[i]])
      }
      if (s) print ".\n"
    }' "$cache_runs"
}

report="$results/report.md"
{
  echo "Measured from $started to $finished with \`bench/programs/run.sh $args_used\` at commit" \
    "\`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- . ':!docs' || echo ' (with uncommitted changes)')."
  echo
  cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
  echo "Machine: $cpu, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) of memory," \
    "$(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r). **The machine was shared** with other jobs" \
    "during the run (load average $machine_load_start at the start, $machine_load_end at the end): the times are" \
    "noisy, and a ratio is more trustworthy than a time."
  echo
  echo "Tools: $(gcc --version | head -n1); $(clang --version | head -n1) with wasi-libc $(dpkg-query -W -f '${Version}' wasi-libc 2>/dev/null);" \
    "Node $(node --version); $(java -version 2>&1 | head -n1) ($(java -version 2>&1 | sed -n 3p | sed 's/ (build.*//')), default options but for the class-data archives (below); Chicory 1.7.5."
  echo
  echo "Each cell is the median of $reps whole-process wall times (seconds), the runs interleaved; a run over" \
    "$timeout_s s was stopped and not repeated. The commands (PROG is a program's name):"
  echo
  echo '```'
  for e in $engines; do
    printf '%-20s %s\n' "$e:" "$(command_of "$e" PROG)"
  done
  echo '```'
  echo
  if uses robusta-interpreter || uses robusta-compiler || uses chicory-compiler || uses chicory-interpreter \
      || ((cache_reps > 0)); then
    echo "Both JVM runtimes get a static AppCDS archive of their own classes (the JVM maps them already parsed" \
      "and verified), made before the timed runs and passed with the same options," \
      "\`$(cds_options ARCHIVE)\`: Robusta is run as users run it, through \`bin/robusta\`, which makes its" \
      "archive at its first run (training runs of \`examples/hello.wat\`, then \`-Xshare:dump\`) and then runs" \
      "\`java OPTIONS -jar cli/target/robusta.jar\` (its times include the launcher's own work, such as its check" \
      "that the jar is newer than the sources; OPTIONS include its JIT options: thresholds four times the" \
      "default but for the generated classes, and C2 kept off Robusta's own compile-time code:" \
      "RATIONALE.md, \"Why these JVM options?\")," \
      "while Chicory runs with the JVM's defaults; this script makes Chicory's archive the same way."
    echo
    cut -f2 "$cds_notes" | sed 's/^/- /'
    echo
  fi
  tables 4 1
  echo "The same runs' CPU time (user + system, all threads: a JVM's JIT compilers and garbage collector" \
    "count, and can run beside the program on the second core), medians in seconds:"
  echo
  tables 6 0
  if ((startup_reps > 0 && n_startup > 0)); then
    echo "**Start-up.** The WASI hello world \`$hello\` (\`hello.c\`: a line to standard output and one to" \
      "standard error) on every engine, with the commands above and this module in place of PROG's," \
      "$(rounds_text "$startup_reps") interleaved with the programs'. The target of the start-up issue is a median under" \
      "0.3 s for Robusta."
    echo
    startup_table
  fi
  if ((cache_reps > 0)); then
    echo "**The code cache.** \`bin/robusta run --engine compiler --cache DIR MODULE\` keeps the classes the" \
      "compiler generates in DIR. Measured in $(rounds_text "$cache_reps") interleaved with the others; in each, each module ran without \`--cache\`, then" \
      "with a fresh empty DIR (the first start: compiles and fills DIR), then again with that DIR (the second" \
      "start: loads the classes); medians of the wall times in seconds. The target of the code-cache issue is" \
      "a second start at least 2x faster than the first. The commands:"
    echo
    echo '```'
    for w in $cache_workloads; do
      cache_command "$w" ""
      cache_command "$w" DIR
    done
    echo '```'
    echo
    if [[ -n ${unavailable[robusta-compiler]:-} ]]; then
      echo "Not measured: robusta-compiler is n/a: \`${unavailable[robusta-compiler]}\`."
      echo
    else
      cache_table
    fi
  fi
  if [[ -n $unavailable_list ]]; then
    echo
    printf '%s' "$unavailable_list" | awk -F'\t' '{ print "- `" $1 "` is n/a: `" $2 "`" }'
  fi
  if [[ -s $notes ]]; then
    echo
    echo "Notes from the run:"
    echo
    sort -u "$notes" | sed 's/^/- /'
  fi
  echo
  echo "<details><summary>Every run, in the order of the rounds (wall/CPU seconds)</summary>"
  echo
  awk -F'\t' '{ k = $1 " on " $2; if (!(k in s)) { o[++n] = k; s[k] = "" }
                s[k] = s[k] sprintf(" %.2f/%.2f%s", $4 / 1000, $6 / 1000, $5 == "ok" ? "" : " (" $5 ")") }
              END { for (i = 1; i <= n; i++) print "- " o[i] ":" s[o[i]] }' "$runs"
  awk -F'\t' '{ k = "start-up (hello.wasm) on " $1; if (!(k in s)) { o[++n] = k; s[k] = "" }
                s[k] = s[k] sprintf(" %.2f/%.2f%s", $3 / 1000, $5 / 1000, $4 == "ok" ? "" : " (" $4 ")") }
              END { for (i = 1; i <= n; i++) print "- " o[i] ":" s[o[i]] }' "$startup_runs"
  awk -F'\t' '{ w = $1; sub(/:/, " ", w); k = "code cache, " w ", " ($2 == "none" ? "without --cache" : $2 " start")
                if (!(k in s)) { o[++n] = k; s[k] = "" }
                s[k] = s[k] sprintf(" %.2f/%.2f%s", $4 / 1000, $6 / 1000, $5 == "ok" ? "" : " (" $5 ")") }
              END { for (i = 1; i <= n; i++) print "- " o[i] ":" s[o[i]] }' "$cache_runs"
  echo
  echo "</details>"
} >"$report"
cat "$report"

if ((doc)); then
  perf=docs/performance.md
  begin='<!-- begin: written by bench/programs/run.sh -->'
  end='<!-- end: written by bench/programs/run.sh -->'
  if [[ ! -f $perf ]]; then
    printf '# Performance\n' >"$perf"
  fi
  if ! grep -qF "$begin" "$perf"; then
    printf '\n## Whole programs\n\n%s\n%s\n' "$begin" "$end" >>"$perf"
  fi
  awk -v begin="$begin" -v end="$end" -v report="$report" '
    $0 == begin { print; while ((getline line < report) > 0) print line; skip = 1; next }
    $0 == end { skip = 0 }
    !skip { print }' "$perf" >"$perf.tmp" && mv "$perf.tmp" "$perf"
  log "results written to $perf"
fi
