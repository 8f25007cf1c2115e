#!/usr/bin/env bash
# Runs the whole-program benchmarks (bench/programs/*.c, built by build.sh) on every engine in one run and
# writes the results to docs/performance.md (the part between the "bench/programs/run.sh" markers).
#
#   bench/programs/run.sh [-n REPS] [-t TIMEOUT] [-p "PROGRAM..."] [-e "ENGINE..."] [--no-build] [--no-doc]
#
# Engines: native (gcc -O2), node (V8, node:wasi), chicory-compiler and chicory-interpreter (Chicory 1.7.5
# through bench's ChicoryRun), robusta-interpreter and robusta-compiler (`robusta run --engine ...`).
# Each measurement is the wall time of a whole process, from its start to its exit (JVM start-up, decoding,
# compilation and warm-up included). The runs are interleaved: REPS rounds (default 3), each running every
# program on every engine (the engines' order rotating from round to round), so that a change in the
# machine's load spreads over all engines instead of falling on one. A cell is the median of its rounds.
# A run that takes longer than TIMEOUT seconds (default 300) is stopped, reported as "> TIMEOUT s" and not
# repeated. Every run's standard output must be the native program's, byte for byte: otherwise the run is
# reported as WRONG, loudly. An engine that cannot run a trivial program (fib 20) is left out, "n/a", with
# its reason. Nothing is ever estimated: a cell has a measured time, or says why it has none.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 1

reps=3
timeout_s=300
programs="fib nbody mandelbrot sha256 matmul quicksort hashmap memops sqlite"
engines="native node chicory-compiler chicory-interpreter robusta-interpreter robusta-compiler"
build=1
doc=1
while (($#)); do
  case $1 in
    -n) reps=$2; shift 2 ;;
    -t) timeout_s=$2; shift 2 ;;
    -p) programs=$2; shift 2 ;;
    -e) engines=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-doc) doc=0; shift ;;
    *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1 ;;
  esac
done
args_used="-n $reps -t $timeout_s"

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

# The command line of ENGINE running PROGRAM (the module's path is relative to the repository).
command_of() {
  local engine=$1 p=$2
  case $engine in
    native) echo "$out/native/$p" ;;
    node) echo "node --no-warnings bench/programs/node-wasi.mjs $out/$p.wasm" ;;
    chicory-compiler) echo "java -cp bench/target/benchmarks.jar dev.robusta.bench.ChicoryRun --engine compiler $out/$p.wasm" ;;
    chicory-interpreter) echo "java -cp bench/target/benchmarks.jar dev.robusta.bench.ChicoryRun --engine interpreter $out/$p.wasm" ;;
    robusta-interpreter) echo "java -jar cli/target/robusta.jar run --engine interpreter $out/$p.wasm" ;;
    robusta-compiler) echo "java -jar cli/target/robusta.jar run --engine compiler $out/$p.wasm" ;;
    *) log "unknown engine $engine"; exit 1 ;;
  esac
}

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

for p in $programs; do
  [[ -x $out/native/$p && -f $out/$p.wasm ]] || { log "$out/$p.wasm or native/$p is missing: run build.sh"; exit 1; }
done

# Which engines can run at all: fib 20 must print fib(20) = 6765.
declare -A unavailable=()
for e in $engines; do
  time_run 120 "$(command_of "$e" fib) 20"
  if [[ $rc -ne 0 || $(cat "$results/last.out") != "fib(20) = 6765" ]]; then
    reason=$(grep -v '^[[:space:]]*$' "$results/last.err" | head -n 1)
    [[ -z $reason ]] && reason="exit code $rc, output: $(head -c 200 "$results/last.out")"
    unavailable[$e]="$reason"
    log "engine $e is not available: $reason"
  fi
done

# The reference output of each program: the native build's.
declare -A expected=()
for p in $programs; do
  time_run "$timeout_s" "$out/native/$p"
  [[ $rc -eq 0 ]] || { log "native $p failed (exit $rc)"; exit 1; }
  expected[$p]=$(cat "$results/last.out")
done

machine_load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
runs="$results/runs.tsv"
notes="$results/notes.txt"
: >"$runs"
: >"$notes"
declare -A done_with=()   # program/engine pairs that timed out or failed: not repeated
read -r -a engine_list <<<"$engines"
n_engines=${#engine_list[@]}
for ((r = 1; r <= reps; r++)); do
  for p in $programs; do
    for ((k = 0; k < n_engines; k++)); do
      e=${engine_list[$(((k + r - 1) % n_engines))]}
      [[ -n ${unavailable[$e]:-} || -n ${done_with[$p/$e]:-} ]] && continue
      time_run "$timeout_s" "$(command_of "$e" "$p")"
      if [[ $rc -eq 124 || $rc -eq 137 ]]; then
        status=timeout
        done_with[$p/$e]=1
      elif [[ $rc -ne 0 ]]; then
        status="failed"
        done_with[$p/$e]=1
        printf '%s on %s: exit code %s: %s\n' "$p" "$e" "$rc" \
          "$(grep -v '^[[:space:]]*$' "$results/last.err" | head -n 1)" >>"$notes"
      elif [[ $(cat "$results/last.out") != "${expected[$p]}" ]]; then
        status=wrong
        log "!!!!!!!! WRONG OUTPUT: $p on $e printed $(head -c 300 "$results/last.out") instead of ${expected[$p]}"
        printf '%s on %s: WRONG OUTPUT (round %s): %s instead of %s\n' "$p" "$e" "$r" \
          "$(tr '\n' ' ' <"$results/last.out" | head -c 300)" "$(tr '\n' ' ' <<<"${expected[$p]}")" >>"$notes"
      else
        status=ok
      fi
      if [[ -s $results/last.err && $status != failed ]]; then
        printf '%s on %s wrote to stderr: %s\n' "$p" "$e" "$(head -n 1 "$results/last.err")" >>"$notes"
      fi
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$p" "$e" "$r" "$ms" "$status" "$cpu_ms" >>"$runs"
      log "round $r/$reps: $p on $e: $ms ms, CPU $cpu_ms ms ($status)"
    done
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
    "Node $(node --version); $(java -version 2>&1 | head -n1) ($(java -version 2>&1 | sed -n 3p | sed 's/ (build.*//')), default options; Chicory 1.7.5."
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
  tables 4 1
  echo "The same runs' CPU time (user + system, all threads: a JVM's JIT compilers and garbage collector" \
    "count, and can run beside the program on the second core), medians in seconds:"
  echo
  tables 6 0
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
