#!/usr/bin/env bash
# Stops the real-node lane that up-real.sh started (down.sh hands over to this when
# .e2e/lane says "real"). In order: kubelet and the node's services; every container
# containerd still runs; containerd and its shims; the control plane and the relay;
# each by its recorded pid (TERM, then KILL after 10 s). Then it unmounts everything
# under .e2e/node (container root filesystems, shm, pod network namespaces, kubelet
# volumes), ends the network namespace (its holder is the last process in it),
# removes the lane's cgroups and what kubelet/containerd/libcni write outside
# .e2e/node whatever their config says, and restores the sysctls kubelet changed.
# Logs stay in .e2e/logs. Safe to run twice.
set -uo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=node/lib.sh
. "$E2E_HERE/node/lib.sh"
CTR_BIN=$(sed -n 's/^NODE_BIN_DIR=//p' "$E2E_DIR/cluster.env" 2>/dev/null)/ctr

stop() {
  local name=$1 pid i
  if ! pid_alive "$name"; then rm -f "$PIDS/$name.pid"; return 0; fi
  pid=$(cat "$PIDS/$name.pid")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    pid_alive "$name" || break
    sleep 0.2
  done
  if pid_alive "$name"; then
    e2e_log "$name (pid $pid) ignored SIGTERM for 10s; sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
  fi
  rm -f "$PIDS/$name.pid"
  e2e_log "stopped $name (pid $pid)"
}

# pids_naming <text>: processes whose command line contains <text> (this lane's
# shims name its containerd socket; containers are children of the shims).
pids_naming() {
  local p
  for p in /proc/[0-9]*; do
    tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -qF -- "$1" && echo "${p#/proc/}"
  done
}

# A kubelet stops no containers when it exits: stop it first, then end every
# container through containerd, so nothing restarts them behind our back.
for c in coredns kube-proxy kubelet; do stop "$c"; done
if pid_alive containerd && [ -x "$CTR_BIN" ]; then
  ctr_ns() { "$CTR_BIN" --address "$CTRD_SOCK" -n k8s.io "$@"; }
  for t in $(ctr_ns tasks ls -q 2>/dev/null); do ctr_ns tasks kill -a -s KILL "$t" >/dev/null 2>&1; done
  sleep 0.5
  for t in $(ctr_ns tasks ls -q 2>/dev/null); do ctr_ns tasks delete -f "$t" >/dev/null 2>&1; done
fi
stop containerd
# Shims outlive containerd by design; each names our socket in its arguments.
for pid in $(pids_naming "$CTRD_SOCK"); do kill -KILL "$pid" 2>/dev/null; done
for c in kube-scheduler kube-controller-manager nsproxy kube-apiserver etcd; do stop "$c"; done
# Last resort: whatever still sits in the lane's cgroups is one of its containers.
for f in $(find /sys/fs/cgroup/*"$CGROUP_ROOT" -name cgroup.procs 2>/dev/null); do
  while read -r pid; do kill -KILL "$pid" 2>/dev/null; done <"$f"
done

# Everything mounted under $NODE, deepest first (overlay root filesystems, shm,
# nsfs of the pod namespaces, kubelet's tmpfs volumes and its bind mount of --root-dir).
if [ -d "$NODE" ]; then
  for _ in 1 2 3; do
    mounts=$(awk -v root="$NODE/" '{ gsub(/\\040/, " ", $5); if (index($5 "/", root) == 1) print $5 }' /proc/self/mountinfo | sort -r)
    [ -n "$mounts" ] || break
    while read -r m; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null; done <<<"$mounts"
  done
fi
stop netns

# Cgroups: kubelet's parent in every hierarchy, innermost first, once their tasks are gone.
for h in /sys/fs/cgroup/*/; do
  d=$h${CGROUP_ROOT#/}
  [ -d "$d" ] || continue
  for _ in $(seq 1 25); do
    find "$d" -depth -type d -exec rmdir {} + 2>/dev/null
    [ -d "$d" ] || break
    sleep 0.2
  done
  [ -d "$d" ] && e2e_log "warning: cgroup $d is still busy"
done

# Host paths the node components write to whatever their config says, created by
# this lane only when they were not there before up (host-before).
if [ -f "$NODE/host-before" ]; then
  while read -r kind name value; do
    case $kind in
      sysctl) sysctl -qw "$name=$value" ;;
      absent) [ -e "$name" ] && rm -rf "$name" ;;
    esac
  done <"$NODE/host-before"
fi
rm -f "$KUBELET_PLUGIN_SOCK"
# kubelet links each container's log into /var/log/containers; only ours point into $NODE.
for l in /var/log/containers/*.log; do
  [ -L "$l" ] && case $(readlink "$l") in "$NODE"/*) rm -f "$l" ;; esac
done
# libcni caches each attachment under the network's name, which is this lane's own.
rm -f /var/lib/cni/results/"$CNI_NET"-* 2>/dev/null

rm -rf "$NODE" "$PIDS" "$PKI" "$ETCD_DATA" "$KUBECONFIG_FILE" "$E2E_DIR/cluster.env" "$E2E_DIR/lane"
e2e_log "real-node cluster in $E2E_DIR stopped (logs kept in $LOGS)"
