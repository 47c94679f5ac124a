#!/usr/bin/env bash
# Starts the Flux controllers of the gitops e2e lane (flux-build.sh) as host processes
# against the e2e API server: source-controller and helm-controller, loopback only,
# leader election off, metrics/health (and source-controller's artifact server) on
# 127.0.0.1:$E2E_FLUX_PORT_BASE+0..4 (default E2E_PORT_BASE + 600). Installs the Flux
# CRDs and Argo CD's Application CRD first. State (pids, artifact storage) lives in
# $E2E_DIR/flux; logs in $E2E_DIR/logs. Idempotent: running controllers are reused.
# Needs the cluster (up.sh); down.sh stops them (flux-down.sh).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=flux-lib.sh
. "$E2E_HERE/flux-lib.sh"
E2E_START=${E2E_START:-$(date +%s)}

[ -f "$KUBECONFIG_FILE" ] && kc get --raw /readyz >/dev/null 2>&1 ||
  e2e_die "no e2e cluster in $E2E_DIR; run 'npm run e2e:up' first"
all_ready() {
  local c
  for c in $FLUX_COMPONENTS; do flux_alive "$c" && http_ok "http://127.0.0.1:$(flux_health_port "$c")/readyz" || return 1; done
}
if all_ready; then
  e2e_log "flux controllers already running (reused)"
  exit 0
fi
[ -d "$FLUX_STATE" ] && bash "$E2E_HERE/flux-down.sh" >/dev/null
BIN=${E2E_FLUX_BIN_DIR:-$(bash "$E2E_HERE/flux-build.sh" --print-dir)}
for c in $FLUX_COMPONENTS; do [ -x "$BIN/$c" ] || e2e_die "$BIN/$c is missing; run 'bash scripts/e2e/flux-build.sh'"; done
for p in $(seq "$FLUX_PORT_BASE" $((FLUX_PORT_BASE + 4))); do
  port_in_use "$p" && e2e_die "port $p on 127.0.0.1 is taken; pick others with E2E_FLUX_PORT_BASE=<n>"
done

kc apply --server-side -f "$BIN/crds" >/dev/null
kc wait --for=condition=Established crd --all --timeout=60s >/dev/null
kc create namespace "$FLUX_NAMESPACE" --dry-run=client -o yaml | kc apply -f - >/dev/null
mkdir -p "$FLUX_STATE/pids" "$FLUX_STATE/storage" "$LOGS"

# start <name> <args...>: its own session, so down signals its group and nothing wider.
# KUBECONFIG in its environment is how controller-runtime finds the API server and
# how flux_alive tells our process from a reused pid.
start() {
  local name=$1; shift
  KUBECONFIG=$KUBECONFIG_FILE RUNTIME_NAMESPACE=$FLUX_NAMESPACE \
    setsid "$BIN/$name" "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$FLUX_STATE/pids/$name.pid"
}
common=(--enable-leader-election=false --watch-all-namespaces=true --events-addr= --log-level=info)
start source-controller "${common[@]}" \
  --metrics-addr="127.0.0.1:$FLUX_PORT_BASE" --health-addr="127.0.0.1:$((FLUX_PORT_BASE + 1))" \
  --storage-path="$FLUX_STATE/storage" --storage-addr="127.0.0.1:$FLUX_STORAGE_PORT" \
  --storage-adv-addr="127.0.0.1:$FLUX_STORAGE_PORT"
start helm-controller "${common[@]}" \
  --metrics-addr="127.0.0.1:$((FLUX_PORT_BASE + 3))" --health-addr="127.0.0.1:$((FLUX_PORT_BASE + 4))"
for c in $FLUX_COMPONENTS; do
  wait_for 90 "$c" http_ok "http://127.0.0.1:$(flux_health_port "$c")/readyz" ||
    e2e_die "$c not ready after 90s; see $LOGS/$c.log"
done
e2e_log "flux controllers up (source-controller artifacts on 127.0.0.1:$FLUX_STORAGE_PORT); stop with npm run e2e:down"
