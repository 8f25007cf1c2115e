#!/usr/bin/env bash
# Builds the JMH benchmarks and runs them; extra arguments go to JMH (e.g. a regex, -p engine=...).
# Results: bench/target/jmh-result.json (and a table on stdout).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench -DskipTests -pl bench -am package
java -jar bench/target/benchmarks.jar -rf json -rff bench/target/jmh-result.json "$@"
