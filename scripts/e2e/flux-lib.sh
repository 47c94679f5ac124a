# Shared settings for flux-up.sh and flux-down.sh (sourced after lib.sh).
#   E2E_FLUX_PORT_BASE  source-controller metrics +0, health +1, artifacts +2;
#                       helm-controller metrics +3, health +4  [E2E_PORT_BASE + 600]
FLUX_PORT_BASE=${E2E_FLUX_PORT_BASE:-$((E2E_PORT_BASE + 600))}
FLUX_STORAGE_PORT=$((FLUX_PORT_BASE + 2))
FLUX_STATE=$E2E_DIR/flux
FLUX_NAMESPACE=flux-system
FLUX_COMPONENTS="source-controller helm-controller"

flux_health_port() { if [ "$1" = source-controller ]; then echo $((FLUX_PORT_BASE + 1)); else echo $((FLUX_PORT_BASE + 4)); fi; }

# flux_alive <name>: the recorded pid still runs with our kubeconfig in its
# environment (a reused pid belongs to someone else).
flux_alive() {
  local f=$FLUX_STATE/pids/$1.pid pid
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  [ -r "/proc/$pid/environ" ] || return 1
  # It may exit between the checks: then it is simply not alive (no shell error).
  { tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | grep -qxF "KUBECONFIG=$KUBECONFIG_FILE"
}
