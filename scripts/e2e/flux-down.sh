#!/usr/bin/env bash
# Stops the Flux controllers flux-up.sh started (same E2E_DIR), each by its recorded
# pid, TERM then KILL after 10 s, and removes their state ($E2E_DIR/flux: pids and
# artifact storage). Logs stay in $E2E_DIR/logs. Safe when nothing runs; down.sh runs it.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=flux-lib.sh
. "$E2E_HERE/flux-lib.sh"

stop_flux() {
  local name=$1 pid i
  flux_alive "$name" || return 0
  pid=$(cat "$FLUX_STATE/pids/$name.pid")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    flux_alive "$name" || break
    sleep 0.2
  done
  if flux_alive "$name"; then
    e2e_log "$name (pid $pid) ignored SIGTERM for 10s; sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  e2e_log "stopped $name (pid $pid)"
}

# helm-controller first: it reads the artifacts source-controller serves.
for c in helm-controller source-controller; do stop_flux "$c"; done
rm -rf "$FLUX_STATE"
