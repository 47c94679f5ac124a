# Shared settings and helpers for scripts/e2e/up.sh and down.sh (sourced, not run).
# Every setting can be overridden from the environment, so a second cluster can run
# beside the first one (the harness self-test does that):
#   E2E_DIR          state directory (kubeconfig, pki, pids, logs)  [<repo>/.e2e]
#   E2E_PORT_BASE    ports: apiserver +443, etcd +379/+380, kwok +250  [16000]
#   E2E_TARGET_PORT  local port-forward target (never 8080, the wizard's local port) [18080]
#   E2E_NODES        fake nodes  [3]      E2E_PVS  static PersistentVolumes  [40]
#   E2E_BIN_DIR      prebuilt binaries (else scripts/e2e/build.sh --print-dir)
E2E_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E_HERE=$E2E_ROOT/scripts/e2e
E2E_DIR=${E2E_DIR:-$E2E_ROOT/.e2e}
E2E_PORT_BASE=${E2E_PORT_BASE:-16000}
E2E_TARGET_PORT=${E2E_TARGET_PORT:-18080}
E2E_NODES=${E2E_NODES:-3}
E2E_PVS=${E2E_PVS:-40}
API_PORT=$((E2E_PORT_BASE + 443))
ETCD_PORT=$((E2E_PORT_BASE + 379))
ETCD_PEER_PORT=$((E2E_PORT_BASE + 380))
KWOK_PORT=$((E2E_PORT_BASE + 250))
PKI=$E2E_DIR/pki
PIDS=$E2E_DIR/pids
LOGS=$E2E_DIR/logs
KUBECONFIG_FILE=$E2E_DIR/kubeconfig
# etcd is the only writer that matters for speed; tmpfs when the machine has one.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  ETCD_DATA=/dev/shm/fhw-e2e-etcd-$E2E_PORT_BASE
else
  ETCD_DATA=$E2E_DIR/etcd
fi
KUBECTL=${E2E_KUBECTL:-$E2E_ROOT/.cache/bin/kubectl135}
# The control plane in start order; down.sh stops them in reverse.
E2E_COMPONENTS="etcd kube-apiserver kube-controller-manager kube-scheduler kwok target"

e2e_log() { echo "[e2e] $*"; }
e2e_die() { echo "[e2e] error: $*" >&2; exit 1; }

# pid_alive <name>: the recorded process still runs and is still ours (a reused
# pid belongs to someone else: its command line no longer names our state dir or
# etcd's data dir).
pid_alive() {
  local f=$PIDS/$1.pid pid cmd
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  [ -r "/proc/$pid/cmdline" ] || return 1
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline")
  case $cmd in *"$E2E_DIR"* | *"$ETCD_DATA"*) return 0 ;; esac
  return 1
}

# http_ok <url>: 2xx within 2 s (python3 rather than curl: CI installs no curl).
http_ok() { python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$1"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for <seconds> <description> <command...>: polls every 0.2 s.
wait_for() {
  local limit=$1 what=$2 deadline; shift 2
  deadline=$(($(date +%s) + limit))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.2
  done
  e2e_log "$what ready after $(($(date +%s) - E2E_START))s"
}

kc() { "$KUBECTL" --kubeconfig "$KUBECONFIG_FILE" "$@"; }
