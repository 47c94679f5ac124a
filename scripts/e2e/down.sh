#!/usr/bin/env bash
# Stops the e2e cluster that up.sh started (same E2E_DIR / E2E_PORT_BASE settings):
# each process by its recorded pid, newest first, TERM then KILL after 10 s. Removes
# the state (pki, kubeconfig, pids, etcd data) and keeps .e2e/logs/ for post-mortems.
# Safe to run when nothing is running.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# The real-node lane has its own teardown (processes in a network namespace, mounts, cgroups).
[ "$(cat "$E2E_DIR/lane" 2>/dev/null)" = real ] && exec bash "$E2E_HERE/down-real.sh"

stop() {
  local name=$1 pid i sig=TERM
  # uWSGI (the app target) answers SIGTERM with a graceful drain of up to 20 s;
  # SIGINT stops it at once, and the fallback's Python stops on it too.
  [ "$name" = target ] && sig=INT
  if ! pid_alive "$name"; then rm -f "$PIDS/$name.pid"; return 0; fi
  pid=$(cat "$PIDS/$name.pid")
  # Each component leads its own session (setsid), so its group holds only its own
  # children (uWSGI workers): signal the group, never anything wider.
  kill -"$sig" -- "-$pid" 2>/dev/null || kill -"$sig" "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    pid_alive "$name" || break
    sleep 0.2
  done
  if pid_alive "$name"; then
    e2e_log "$name (pid $pid) ignored SIG$sig for 10s; sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
  fi
  rm -f "$PIDS/$name.pid"
  e2e_log "stopped $name (pid $pid)"
}

# OCI registry for the chart publishing tests (its own state in $E2E_DIR/registry).
bash "$E2E_HERE/registry-down.sh"
# Flux controllers of the gitops lane (flux-up.sh; their own state in $E2E_DIR/flux).
bash "$E2E_HERE/flux-down.sh"

stopped_any=0
[ -d "$PIDS" ] && stopped_any=1
for c in $(echo "$E2E_COMPONENTS" | tr ' ' '\n' | tac); do stop "$c"; done
rm -rf "$PIDS" "$PKI" "$ETCD_DATA" "$E2E_DIR/etcd" "$KUBECONFIG_FILE" "$E2E_DIR/cluster.env" "$E2E_DIR/target"
if [ $stopped_any = 1 ]; then
  e2e_log "cluster in $E2E_DIR stopped (logs kept in $LOGS)"
else
  e2e_log "no cluster running in $E2E_DIR"
fi
