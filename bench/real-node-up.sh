#!/usr/bin/env bash
# Benchmark (run by hand; node parts and images built): warm `up` of the real-node
# lane (E2E_NODES=real), from nothing running to the node Ready with CoreDNS, images
# imported, and the time `down` takes. Its own state folder and ports, like a second
# cluster, so a cluster running for tests is not touched. Median of <runs>.
#   bash bench/real-node-up.sh [runs=3]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-3}
export E2E_NODES=real E2E_DIR E2E_PORT_BASE=${E2E_PORT_BASE:-17700}
E2E_DIR=$(mktemp -d /tmp/fhw-bench-real-up.XXXXXX)
trap 'bash "$ROOT/scripts/e2e/down.sh" >/dev/null; rm -rf "$E2E_DIR"' EXIT
times=()
for ((i = 1; i <= RUNS; i++)); do
  t0=$(date +%s.%N)
  bash "$ROOT/scripts/e2e/up.sh" >"$E2E_DIR/up-$i.log" 2>&1 || { cat "$E2E_DIR/up-$i.log"; exit 1; }
  t1=$(date +%s.%N)
  t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  times+=("$t")
  echo "up run $i: ${t}s ($(grep -o 'images imported after [0-9]*s' "$E2E_DIR/up-$i.log"), $(grep -o 'node fhw-node ready after [0-9]*s' "$E2E_DIR/up-$i.log"))"
  t0=$(date +%s.%N)
  bash "$ROOT/scripts/e2e/down.sh" >/dev/null
  echo "down run $i: $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')s"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "real-node warm up: median ${median}s of $RUNS ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
