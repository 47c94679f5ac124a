#!/usr/bin/env bash
# Stops the e2e OCI registry that registry-up.sh started (same E2E_DIR settings): both
# processes, each by its recorded pid, TERM then KILL after 10 s; then removes their
# state (storage, certificates, credentials, registry.env). Logs stay in $E2E_DIR/logs.
# Safe to run when it is not running; down.sh runs it.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=registry-lib.sh
. "$E2E_HERE/registry-lib.sh"

stop_registry() {
  local name=$1 pid i
  registry_alive "$name" || return 0
  pid=$(cat "$REGISTRY_STATE/registry-$name.pid")
  # It leads its own session (setsid): signal that group and nothing wider.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    registry_alive "$name" || break
    sleep 0.2
  done
  if registry_alive "$name"; then
    e2e_log "registry ($name, pid $pid) ignored SIGTERM for 10s; sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  e2e_log "stopped registry ($name, pid $pid)"
}

for name in $REGISTRY_NAMES; do stop_registry "$name"; done
rm -rf "$REGISTRY_STATE" "$REGISTRY_ENV"
