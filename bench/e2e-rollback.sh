#!/usr/bin/env bash
# Benchmark (run by hand; needs `npm run e2e:up`): the anchor figures for the rollback
# goal. Wall time from start to exit of a crashloop upgrade that helm rolls back itself:
#   Helm 3: helm upgrade --atomic --timeout <T>
#   Helm 4: helm upgrade --rollback-on-failure --timeout <T>
# with the chart's default values (values.yaml; only the e2e/fail=crashloop pod
# annotation is added), median of <runs>. Helm 3 and Helm 4 run side by side in
# their own namespaces: the figures are dominated by waiting, not CPU.
#   bash bench/e2e-rollback.sh [runs=3] [timeout=5m]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-3} TIMEOUT=${2:-5m}
KUBECONFIG=$ROOT/.e2e/kubeconfig
KUBECTL=$ROOT/.cache/bin/kubectl135
[ -f "$KUBECONFIG" ] || { echo "no e2e cluster: run npm run e2e:up first" >&2; exit 1; }
export KUBECONFIG
OUT=$(mktemp -d /tmp/fhw-bench-rollback.XXXXXX)

bench_major() { # <3|4>
  local major=$1 helm=$ROOT/.cache/bin/helm$1 ns=bench-rollback-h$1 flag i t0 t1 rc outcome
  [ "$major" = 3 ] && flag=--atomic || flag=--rollback-on-failure
  export HELM_CONFIG_HOME=$OUT/h$major/config HELM_CACHE_HOME=$OUT/h$major/cache HELM_DATA_HOME=$OUT/h$major/data
  for ((i = 1; i <= RUNS; i++)); do
    "$KUBECTL" delete namespace "$ns" --ignore-not-found --wait=true --timeout=120s >/dev/null
    "$KUBECTL" create namespace "$ns" >/dev/null
    "$helm" upgrade --install flask-app "$ROOT/flask-app" -n "$ns" --wait --timeout 3m >/dev/null
    t0=$(date +%s.%N)
    set +e
    "$helm" upgrade flask-app "$ROOT/flask-app" -n "$ns" --set podAnnotations.e2e/fail=crashloop \
      "$flag" --timeout "$TIMEOUT" >"$OUT/h$major-run$i.log" 2>&1
    rc=$?
    set -e
    t1=$(date +%s.%N)
    if grep -q "has been rolled back" "$OUT/h$major-run$i.log"; then outcome="rolled back"
    elif grep -q "error occurred while rolling back" "$OUT/h$major-run$i.log"; then outcome="rollback applied, its wait failed"
    else outcome="exit $rc: $(tail -1 "$OUT/h$major-run$i.log")"; fi
    printf 'helm%s run %d: %.1fs (%s)\n' "$major" "$i" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" "$outcome" | tee -a "$OUT/h$major.times"
  done
  "$KUBECTL" delete namespace "$ns" --wait=false >/dev/null
}

bench_major 3 & p3=$!
bench_major 4 & p4=$!
wait $p3 $p4
for major in 3 4; do
  median=$(sed -n 's/.*: \([0-9.]*\)s .*/\1/p' "$OUT/h$major.times" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  [ "$major" = 3 ] && flag=--atomic || flag=--rollback-on-failure
  echo "Helm $major upgrade $flag --timeout $TIMEOUT, crashloop, default values: median ${median}s of $RUNS"
done
rm -rf "$OUT"
