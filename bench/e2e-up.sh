#!/usr/bin/env bash
# Benchmark (run by hand; binaries built): warm `up` time of the e2e cluster, i.e.
# from nothing running to nodes Ready and the port-forward target answering, with
# the binaries already cached. Median of <runs>. Uses its own state dir and ports
# (like a second cluster), so a cluster already running for tests is not touched.
#   bash bench/e2e-up.sh [runs=3]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-3}
export E2E_DIR E2E_PORT_BASE=${E2E_PORT_BASE:-17100} E2E_TARGET_PORT=${E2E_TARGET_PORT:-18095}
E2E_DIR=$(mktemp -d /tmp/fhw-bench-up.XXXXXX)
trap 'bash "$ROOT/scripts/e2e/down.sh" >/dev/null; rm -rf "$E2E_DIR"' EXIT
times=()
for ((i = 1; i <= RUNS; i++)); do
  t0=$(date +%s.%N)
  bash "$ROOT/scripts/e2e/up.sh" >"$E2E_DIR/up-$i.log" 2>&1 || { cat "$E2E_DIR/up-$i.log"; exit 1; }
  t1=$(date +%s.%N)
  t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  times+=("$t")
  echo "up run $i: ${t}s ($(grep -o 'target 127.0.0.1:[0-9]*: [a-z]*' "$E2E_DIR/up-$i.log"))"
  t0=$(date +%s.%N)
  bash "$ROOT/scripts/e2e/down.sh" >/dev/null
  echo "down run $i: $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')s"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "e2e warm up: median ${median}s of $RUNS ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
