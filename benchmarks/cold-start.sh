#!/usr/bin/env bash
# Cold start as whole processes (measure 6 of docs/performance.md). For each variant (sdk = dcb4j
# EklecticClient, okhttp = hand-written OkHttp + Jackson, jdk = hand-written java.net.http + Jackson) it
# launches a fresh JVM that builds its client, fetches a token and reads one Eklectic subscription from a stub
# server running in a separate JVM on loopback, and reports the time from launching `java` to the first
# completed call (the child prints the epoch milliseconds at which its call returned) and the whole process
# wall time.
#
# Usage: benchmarks/cold-start.sh [RUNS]     (default 10 runs per variant, interleaved)
# Needs, from the repository root: mvn -B -o -q -pl benchmarks -am package -DskipTests
#         (builds benchmarks/target/benchmarks.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
RUNS=${1:-10}
JAVA=${JAVA:-java}
[ -f "$JAR" ] || { echo "missing $JAR: build it first" >&2; exit 1; }

out=$(mktemp)
"$JAVA" -cp "$JAR" io.dcb4j.benchmarks.coldstart.ColdStartStub 0 600 >"$out" 2>&1 &
stub=$!
trap 'kill "$stub" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 1 100); do grep -q '^ready' "$out" && break; sleep 0.1; done
port=$(awk '/^ready/{print $2}' "$out")
[ -n "$port" ] || { echo "stub did not start" >&2; cat "$out" >&2; exit 1; }

declare -A first wall
for i in $(seq 1 "$RUNS"); do
  for v in sdk okhttp jdk; do
    t0=$(date +%s%3N)
    line=$("$JAVA" -cp "$JAR" io.dcb4j.benchmarks.coldstart.FirstCall "$v" "$port" 2>/dev/null | grep "^done")
    t1=$(date +%s%3N)
    first[$v]+="$(( ${line#done } - t0 )) "
    wall[$v]+="$(( t1 - t0 )) "
  done
done

stats() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {printf "median %d ms, min %d ms, max %d ms (n=%d)", a[int((NR+1)/2)], a[1], a[NR], NR}'; }
echo "JVM launch -> first completed call, and whole process wall time; $RUNS runs each"
for v in sdk okhttp jdk; do
  printf '%-7s first call: %s; process: %s\n' "$v" "$(echo "${first[$v]}" | stats)" "$(echo "${wall[$v]}" | stats)"
  echo "        raw first-call ms: ${first[$v]}"
done
