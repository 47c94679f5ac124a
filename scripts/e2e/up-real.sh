#!/usr/bin/env bash
# The real-node lane of the e2e cluster (`E2E_NODES=real npm run e2e:up`, which
# up.sh hands over to this script): the same control plane as the kwok lane plus one
# real node — containerd + runc, kubelet, kube-proxy, CoreDNS for cluster.local and a
# default StorageClass backed by real directories. All of it runs inside a network
# namespace of its own (see node/lib.sh); the host reaches the API server at
# 127.0.0.1:$API_PORT through a relay. Pods have no route out of the namespace.
# Images are built locally (images/build.sh) and imported into containerd. Writes
# .e2e/kubeconfig and .e2e/node/images.values.yaml (the image names for helm).
# Stop it with down.sh (both lanes).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=versions.env
. "$E2E_HERE/versions.env"
. "$E2E_HERE/pki.sh"
. "$E2E_HERE/node/lib.sh"
. "$E2E_HERE/node/configs.sh"
. "$E2E_HERE/node/manifests.sh"
E2E_START=$(date +%s)
RUNC=$(command -v runc || true)
CNI_BIN_DIR=/usr/lib/cni

all_running() {
  local c
  for c in $NODE_COMPONENTS; do pid_alive "$c" || return 1; done
  kc get --raw /readyz >/dev/null 2>&1
}
if all_running; then
  e2e_log "real-node cluster already running (reused): kubectl --kubeconfig $KUBECONFIG_FILE get nodes -o wide"
  exit 0
fi
if [ -d "$PIDS" ]; then
  e2e_log "a previous cluster in $E2E_DIR is incomplete; stopping what is left of it"
  bash "$E2E_HERE/down.sh"
fi

[ "$(id -u)" = 0 ] || e2e_die "the real-node lane needs root (network namespace, cgroups, mounts)"
[ -n "$RUNC" ] && [ -x "$CNI_BIN_DIR/ptp" ] || e2e_die "runc or the CNI plugins are missing; run scripts/tools/install-system-deps.sh"
[ -x "$KUBECTL" ] || bash "$E2E_ROOT/scripts/tools/fetch-helm.sh" >/dev/null
BIN=${E2E_BIN_DIR:-$(bash "$E2E_HERE/build.sh" --print-dir)}
NODE_BIN=${E2E_NODE_BIN_DIR:-$(bash "$E2E_HERE/build-node.sh" --print-dir)}
for b in "$BIN"/{etcd,kube-apiserver,kube-controller-manager,kube-scheduler} \
  "$NODE_BIN"/{kubelet,kube-proxy,containerd,containerd-shim-runc-v2,ctr,coredns,pause}; do
  [ -x "$b" ] || e2e_die "$b is missing; run 'npm run e2e:build' first"
done
port_in_use "$API_PORT" && e2e_die "port $API_PORT on 127.0.0.1 is taken by another program; pick other ports with E2E_PORT_BASE=<n>"
# The images (app, PostgreSQL and Valkey stand-ins, pause), cached by content hash.
IMAGES=$(bash "$E2E_HERE/images/build.sh" --print-dir "$NODE_BIN")
. "$IMAGES/images.env"

mkdir -p "$E2E_DIR" "$PIDS" "$LOGS" "$NODE"
rm -f "$LOGS"/*.log
rm -rf "$ETCD_DATA"
echo real >"$E2E_DIR/lane"
cat >"$E2E_DIR/cluster.env" <<EOF
LANE=real
API_PORT=$API_PORT
ETCD_PORT=$ETCD_PORT
ETCD_DATA=$ETCD_DATA
BIN_DIR=$BIN
NODE_BIN_DIR=$NODE_BIN
NODE_DIR=$NODE
NODE_NAME=$NODE_NAME
CGROUP_ROOT=$CGROUP_ROOT
EOF
# What down-real.sh compares against: host paths that hardcoded writers may add to.
{
  for s in $KUBELET_SYSCTLS; do echo "sysctl $s $(sysctl -n "$s")"; done
  for p in /var/lib/kubelet /var/lib/cni /run/containerd /run/nri /var/log/containers /var/log/pods; do
    [ -e "$p" ] || echo "absent $p"
  done
} >"$NODE/host-before"
make_pki
node_certs
write_kubeconfig "$KUBECONFIG_FILE"

# start <name> <command...>: detached (setsid) inside the namespace; the pid file is
# what down.sh stops. nsenter --net execs the command, so the pid is the component's.
start() {
  local name=$1; shift
  setsid nsenter --net="$(netns_path)" -- "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
}

# The namespace: held open by a sleeping process (no /run/netns mount on the host),
# named after $E2E_DIR so pid_alive knows it is ours.
setsid unshare --net -- bash -c 'exec -a "fhw-e2e-netns $0" sleep infinity' "$E2E_DIR" </dev/null >/dev/null 2>&1 &
echo $! >"$PIDS/netns.pid"
# unshare (no --fork) and bash both exec, so $! is the holder itself; wait until it
# has left the host namespace. That can take seconds: the kernel makes a new network
# namespace only once the ones being torn down (pods just deleted) are gone.
# A function, so both links are read again on every poll (arguments would be read once).
holder_left_host() {
  [ "$(readlink "/proc/$(cat "$PIDS/netns.pid")/ns/net")" != "$(readlink /proc/self/ns/net)" ]
}
wait_for 60 "network namespace" holder_left_host ||
  e2e_die "could not create the network namespace"
in_ns ip link set lo up
in_ns ip link add fhw0 type veth peer name fhw0p
in_ns ip addr add "$NODE_IP/24" dev fhw0
in_ns ip link set fhw0 up
in_ns ip link set fhw0p up
# Nothing leaves the namespace: there is no way out, and a default route that drops
# everything makes that explicit (pods' packets to any outside address are refused).
in_ns ip route add blackhole default
in_ns sysctl -qw net.ipv4.ip_forward=1

start etcd "$BIN/etcd" --name=fhw-e2e --data-dir="$ETCD_DATA" \
  --listen-client-urls="http://127.0.0.1:$ETCD_PORT" --advertise-client-urls="http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster="fhw-e2e=http://127.0.0.1:$ETCD_PEER_PORT" --listen-metrics-urls="" \
  --unsafe-no-fsync --watch-progress-notify-interval=5s --quota-backend-bytes=2147483648

# The API server listens on the namespace's own addresses only; it advertises the
# node address so the `kubernetes` Service works from pods.
start kube-apiserver "$BIN/kube-apiserver" --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
  --bind-address=0.0.0.0 --advertise-address="$NODE_IP" --secure-port="$API_PORT" \
  --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" --client-ca-file="$PKI/ca.crt" \
  --kubelet-client-certificate="$PKI/apiserver-kubelet-client.crt" --kubelet-client-key="$PKI/apiserver-kubelet-client.key" \
  --authorization-mode=Node,RBAC --service-cluster-ip-range="$SERVICE_CIDR" --allow-privileged=true \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
  --kubelet-preferred-address-types=InternalIP \
  --enable-priority-and-fairness=false --profiling=false --event-ttl=30m
# The relay listens in the host namespace, so it is the one process started outside it.
setsid python3 "$E2E_HERE/node/nsproxy.py" "$(netns_path)" "$API_PORT" "$E2E_DIR" >"$LOGS/nsproxy.log" 2>&1 </dev/null &
echo $! >"$PIDS/nsproxy.pid"
wait_for 90 kube-apiserver kc get --raw /readyz || e2e_die "kube-apiserver not ready after 90s; see $LOGS/kube-apiserver.log"
kc apply --server-side -f "$BIN/crds" >/dev/null

start kube-controller-manager "$BIN/kube-controller-manager" --kubeconfig="$KUBECONFIG_FILE" \
  --leader-elect=false --bind-address=127.0.0.1 --secure-port=0 \
  --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
  --use-service-account-credentials=false --controllers='*,-nodeipam,-cloud-node-lifecycle'
start kube-scheduler "$BIN/kube-scheduler" --kubeconfig="$KUBECONFIG_FILE" \
  --leader-elect=false --bind-address=127.0.0.1 --secure-port=0

write_containerd_config
# containerd finds the runc shim on its PATH.
start containerd env PATH="$NODE_BIN:/usr/sbin:/usr/bin:/sbin:/bin" "$NODE_BIN/containerd" --config "$CTRD/config.toml"
wait_for 30 containerd test -S "$CTRD_SOCK" || e2e_die "containerd did not start; see $LOGS/containerd.log"
ctr_ns() { "$NODE_BIN/ctr" --address "$CTRD_SOCK" -n k8s.io "$@"; }
for tar in "$IMAGES"/*.tar; do ctr_ns images import "$tar" >/dev/null; done
e2e_log "images imported after $(($(date +%s) - E2E_START))s: $(ctr_ns images ls -q | grep -vc '@sha256' || true) references"

# kubelet's cgroup parent, in every v1 hierarchy (and the unified one, which it
# also fills). cpuset needs its cpus and mems set before tasks can join.
for h in /sys/fs/cgroup/*/; do
  case $h in */unified/ | */systemd/) [ -w "$h" ] || continue ;; esac
  mkdir -p "$h${CGROUP_ROOT#/}"
done
cat /sys/fs/cgroup/cpuset/cpuset.cpus >"/sys/fs/cgroup/cpuset$CGROUP_ROOT/cpuset.cpus"
cat /sys/fs/cgroup/cpuset/cpuset.mems >"/sys/fs/cgroup/cpuset$CGROUP_ROOT/cpuset.mems"

write_kubelet_config
start kubelet "$NODE_BIN/kubelet" --config="$NODE/kubelet-config.yaml" --kubeconfig="$NODE/kubelet.kubeconfig" \
  --root-dir="$NODE/kubelet" --cert-dir="$NODE/kubelet/pki" --hostname-override="$NODE_NAME" --node-ip="$NODE_IP"
wait_for 60 "node $NODE_NAME" kc wait --for=condition=Ready "node/$NODE_NAME" --timeout=1s ||
  e2e_die "node not Ready after 60s; see $LOGS/kubelet.log"
# kubelet changed host-global sysctls at start (it only does that once): put them back.
while read -r kind name value; do
  [ "$kind" = sysctl ] && sysctl -qw "$name=$value"
done <"$NODE/host-before"

write_kube_proxy_config
start kube-proxy "$NODE_BIN/kube-proxy" --config="$NODE/kube-proxy-config.yaml"
write_corefile
start coredns "$NODE_BIN/coredns" -conf "$NODE/Corefile"

mkdir -p "$NODE/volumes"
{ dns_service_yaml; node_storage_yaml; } | kc apply -f - >/dev/null
wait_for 60 "default ServiceAccount" kc -n default get serviceaccount default ||
  e2e_die "no default ServiceAccount after 60s; see $LOGS/kube-controller-manager.log"
wait_for 30 coredns in_ns python3 -c 'import urllib.request; urllib.request.urlopen("http://127.0.0.1:8181/ready", timeout=1)' ||
  e2e_die "CoreDNS not ready after 30s; see $LOGS/coredns.log"
cp "$IMAGES/images.values.yaml" "$NODE/images.values.yaml"

e2e_log "real-node cluster up in $(($(date +%s) - E2E_START))s (apiserver https://127.0.0.1:$API_PORT, node $NODE_NAME $NODE_IP, images: $NODE/images.values.yaml)"
e2e_log "kubectl --kubeconfig $KUBECONFIG_FILE get nodes -o wide"
