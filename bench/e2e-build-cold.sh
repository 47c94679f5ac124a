#!/usr/bin/env bash
# Benchmark (run by hand): cold build time of the e2e control plane binaries, as a
# fresh CI machine pays it. Runs scripts/e2e/build.sh with an empty Go build cache,
# an empty binary cache and (unless --keep-modules) an empty module cache, all under
# a temporary directory that is deleted afterwards. Prints one line of figures.
#   bash bench/e2e-build-cold.sh [--keep-modules]
# Takes tens of minutes on 2 cores and downloads ~1 GB of modules without --keep-modules.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KEEP_MODULES=0; [ "${1:-}" = "--keep-modules" ] && KEEP_MODULES=1
WORK=$(mktemp -d /tmp/fhw-e2e-cold.XXXXXX)
cleanup() {
  if [ $KEEP_MODULES = 0 ]; then GOMODCACHE=$WORK/mod GOTOOLCHAIN=local go clean -modcache 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
export GOCACHE=$WORK/gocache E2E_BIN_CACHE=$WORK/bin
[ $KEEP_MODULES = 0 ] && export GOMODCACHE=$WORK/mod
start=$(date +%s)
# Each output line is stamped with the seconds since start, so the phases show.
set +e
bash "$ROOT/scripts/e2e/build.sh" 2>&1 | while IFS= read -r line; do
  echo "$(($(date +%s) - start)) $line"
done >"$WORK/build.log"
rc=${PIPESTATUS[0]}
set -e
[ "$rc" = 0 ] || { tail -30 "$WORK/build.log"; exit 1; }
total=$(($(date +%s) - start))
phase() { awk -v p="$1" '$2 == "building" && $3 ~ p { print $1; exit }' "$WORK/build.log"; }
k8s=$(phase kube-apiserver); etcd=$(phase etcd); kwok=$(phase kwok)
echo "phases (module downloads happen inside each): setup ${k8s}s, k8s binaries $((etcd - k8s))s, etcd $((kwok - etcd))s, kwok $((total - kwok))s"
size=$(du -sh "$E2E_BIN_CACHE" | cut -f1)
gocache=$(du -sh "$GOCACHE" | cut -f1)
echo "e2e cold build: ${total}s total (modules $([ $KEEP_MODULES = 1 ] && echo warm || echo cold), GOCACHE cold, $(nproc) cores, $(go env GOVERSION)); binaries $size, GOCACHE $gocache"
