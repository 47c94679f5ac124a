#!/usr/bin/env bash
# Benchmark (run by hand; needs `E2E_NODES=real npm run e2e:up` and `npm run build`):
# time-to-rollback of every real failure kind on the real node, the wizard against
# helm's own rollback, side by side in one run:
#   wizard   flask-helm-wizard upgrade -e dev ... (its fail-fast watch + rollback)
#   helm 3   helm upgrade --atomic --timeout <T>
#   helm 4   helm upgrade --rollback-on-failure --timeout <T>
# Same inputs for all: the chart's values-dev.yaml (chart defaults otherwise: no
# shortened progress deadline or probe timings), the lane's images values file, and
# the failure's arguments from test/e2e-real/failures.json. Each side starts from a
# Ready dev install in its own namespace. Helm's own side waits out <T> per kind, so
# all of helm's runs go in parallel (one namespace each); the wizard's run one after
# another (they are short). Prints one table.
#   bash bench/real-node-rollback.sh [timeout=5m] [kinds=all|comma-separated indexes 0-4] [majors="3 4"]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TIMEOUT=${1:-5m} KINDS=${2:-all} MAJORS=${3:-"3 4"}
KUBECONFIG=$ROOT/.e2e/kubeconfig
KUBECTL=$ROOT/.cache/bin/kubectl135
IMAGES=$ROOT/.e2e/node/images.values.yaml
[ -f "$IMAGES" ] || { echo "no real-node cluster: run E2E_NODES=real npm run e2e:up first" >&2; exit 1; }
export KUBECONFIG
OUT=$(mktemp -d /tmp/fhw-bench-real-rollback.XXXXXX)
# The failure table, as the suite has it (args and the Secrets they point at).
node "$ROOT/bench/real-node-failures.mjs" "$OUT" >/dev/null
mapfile -t KIND_NAMES <"$OUT/kinds.txt"
if [ "$KINDS" = all ]; then KINDS=$(seq -s, 0 $((${#KIND_NAMES[@]} - 1))); fi
IFS=, read -r -a PICK <<<"$KINDS"

# prepare <ns> <major>: a fresh namespace with a Ready dev install and the Secrets.
prepare() {
  local ns=$1 major=$2
  "$KUBECTL" delete namespace "$ns" --ignore-not-found --wait=true --timeout=180s >/dev/null
  "$KUBECTL" create namespace "$ns" >/dev/null
  "$KUBECTL" -n "$ns" apply -f "$OUT/secrets.yaml" >/dev/null
  HELM_CONFIG_HOME=$OUT/$ns/config HELM_CACHE_HOME=$OUT/$ns/cache HELM_DATA_HOME=$OUT/$ns/data \
    "$ROOT/.cache/bin/helm$major" upgrade --install flask-app "$ROOT/flask-app" -n "$ns" \
    -f "$ROOT/flask-app/values-dev.yaml" -f "$IMAGES" --wait --timeout 5m >"$OUT/$ns.install.log" 2>&1
}

helm_side() { # <major> <kind index>
  local major=$1 k=$2 ns=bench-rb-h$1-k$2 flag t0 t1 rc args
  [ "$major" = 3 ] && flag=--atomic || flag=--rollback-on-failure
  prepare "$ns" "$major" || { echo "helm$major kind $k: install failed" >"$OUT/helm-$major-$k.result"; return; }
  mapfile -t args <"$OUT/args-$k.txt"
  t0=$(date +%s.%N)
  set +e
  HELM_CONFIG_HOME=$OUT/$ns/config HELM_CACHE_HOME=$OUT/$ns/cache HELM_DATA_HOME=$OUT/$ns/data \
    "$ROOT/.cache/bin/helm$major" upgrade flask-app "$ROOT/flask-app" -n "$ns" \
    -f "$ROOT/flask-app/values-dev.yaml" -f "$IMAGES" "${args[@]}" "$flag" --timeout "$TIMEOUT" >"$OUT/$ns.log" 2>&1
  rc=$?
  set -e
  t1=$(date +%s.%N)
  printf '%.1f s (exit %d)\n' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" "$rc" >"$OUT/helm-$major-$k.result"
  "$KUBECTL" delete namespace "$ns" --wait=false >/dev/null
}

wizard_side() { # <major> <kind index>
  local major=$1 k=$2 ns=bench-rb-wiz-h$1-k$2 t0 t1 rc args cwd=$OUT/wiz-$1-$2
  mkdir -p "$cwd"
  "$KUBECTL" delete namespace "$ns" --ignore-not-found --wait=true --timeout=180s >/dev/null
  "$KUBECTL" create namespace "$ns" >/dev/null
  "$KUBECTL" -n "$ns" apply -f "$OUT/secrets.yaml" >/dev/null
  wiz() { (cd "$cwd" && node "$ROOT/bin/flask-helm-wizard.js" "$@" -f "$IMAGES" --helm-binary "$ROOT/.cache/bin/helm$major" \
    --kubectl-binary "$KUBECTL" --kubeconfig "$KUBECONFIG" </dev/null); }
  wiz install -e dev -n "$ns" --yes --no-verify >"$OUT/$ns.install.log" 2>&1 || { echo "install failed" >"$OUT/wiz-$major-$k.result"; return; }
  mapfile -t args <"$OUT/args-$k.txt"
  t0=$(date +%s.%N)
  set +e
  wiz upgrade -e dev -n "$ns" --yes "${args[@]}" >"$OUT/$ns.log" 2>&1
  rc=$?
  set -e
  t1=$(date +%s.%N)
  printf '%.1f s (exit %d)\n' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" "$rc" >"$OUT/wiz-$major-$k.result"
  "$KUBECTL" delete namespace "$ns" --wait=false >/dev/null
}

pids=()
for major in $MAJORS; do for k in "${PICK[@]}"; do helm_side "$major" "$k" & pids+=($!); done; done
for major in $MAJORS; do for k in "${PICK[@]}"; do wizard_side "$major" "$k"; done; done
wait "${pids[@]}"

printf '\n%-62s | %-7s | %-16s | %-16s\n' "failure kind (real node, values-dev.yaml)" "helm" "wizard" "helm's own ($TIMEOUT)"
for k in "${PICK[@]}"; do
  for major in $MAJORS; do
    [ "$major" = 3 ] && own=--atomic || own=--rollback-on-failure
    printf '%-62s | %-7s | %-16s | %-16s\n' "${KIND_NAMES[$k]}" "$major" "$(cat "$OUT/wiz-$major-$k.result")" \
      "$(cat "$OUT/helm-$major-$k.result") $own"
  done
done
echo "($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); logs in $OUT)"
