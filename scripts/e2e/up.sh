#!/usr/bin/env bash
# Starts the flask-helm-wizard e2e cluster on 127.0.0.1: etcd, kube-apiserver,
# kube-controller-manager, kube-scheduler and kwok (fake nodes and pod lifecycles,
# see kwok-stages.yaml), plus the local port-forward target. Writes the kubeconfig
# to .e2e/kubeconfig and never touches ~/.kube/config. Idempotent: a running,
# healthy cluster is reused. Settings: see lib.sh. Stop it with down.sh.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# E2E_NODES=real: one real kubelet node instead of kwok's fake ones (up-real.sh).
[ "$E2E_NODES" = real ] && exec bash "$E2E_HERE/up-real.sh"
# shellcheck source=versions.env
. "$E2E_HERE/versions.env"
. "$E2E_HERE/pki.sh"
. "$E2E_HERE/manifests.sh"
. "$E2E_HERE/target.sh"
E2E_START=$(date +%s)

all_running() {
  local c
  for c in etcd kube-apiserver kube-controller-manager kube-scheduler kwok; do pid_alive "$c" || return 1; done
  kc get --raw /readyz >/dev/null 2>&1
}

if all_running; then
  pid_alive target || start_target
  bash "$E2E_HERE/registry-up.sh" # OCI registry for the chart publishing tests
  e2e_log "cluster already running (reused): kubectl --kubeconfig $KUBECONFIG_FILE get nodes"
  exit 0
fi
if [ -d "$PIDS" ]; then
  e2e_log "a previous cluster in $E2E_DIR is incomplete; stopping what is left of it"
  bash "$E2E_HERE/down.sh"
fi

[ -x "$KUBECTL" ] || bash "$E2E_ROOT/scripts/tools/fetch-helm.sh" >/dev/null
BIN=${E2E_BIN_DIR:-$(bash "$E2E_HERE/build.sh" --print-dir)}
for b in etcd kube-apiserver kube-controller-manager kube-scheduler kwok; do
  [ -x "$BIN/$b" ] || e2e_die "$BIN/$b is missing; run 'npm run e2e:build' first"
done
for p in "$ETCD_PORT" "$ETCD_PEER_PORT" "$API_PORT" "$KWOK_PORT" "$E2E_TARGET_PORT"; do
  port_in_use "$p" && e2e_die "port $p on 127.0.0.1 is taken by another program; stop it or pick other ports with E2E_PORT_BASE=<n> / E2E_TARGET_PORT=<n>"
done

mkdir -p "$E2E_DIR" "$PIDS" "$LOGS"
rm -f "$LOGS"/*.log
rm -rf "$ETCD_DATA"
cat >"$E2E_DIR/cluster.env" <<EOF
API_PORT=$API_PORT
ETCD_PORT=$ETCD_PORT
KWOK_PORT=$KWOK_PORT
TARGET_PORT=$E2E_TARGET_PORT
ETCD_DATA=$ETCD_DATA
BIN_DIR=$BIN
EOF
make_pki
write_kubeconfig "$KUBECONFIG_FILE"

# start <name> <binary> <args...>: detached from this shell's session so the cluster
# outlives `npm run e2e:up`; the pid file is what down.sh stops.
start() {
  local name=$1; shift
  setsid "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
}

start etcd "$BIN/etcd" --name=fhw-e2e --data-dir="$ETCD_DATA" \
  --listen-client-urls="http://127.0.0.1:$ETCD_PORT" --advertise-client-urls="http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster="fhw-e2e=http://127.0.0.1:$ETCD_PEER_PORT" --listen-metrics-urls="" \
  --unsafe-no-fsync --watch-progress-notify-interval=5s --quota-backend-bytes=2147483648
wait_for 30 etcd port_in_use "$ETCD_PORT" || e2e_die "etcd did not start; see $LOGS/etcd.log"

start kube-apiserver "$BIN/kube-apiserver" --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
  --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$API_PORT" \
  --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" --client-ca-file="$PKI/ca.crt" \
  --authorization-mode=Node,RBAC --service-cluster-ip-range=10.96.0.0/16 --allow-privileged=true \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
  --endpoint-reconciler-type=none --kubelet-preferred-address-types=InternalIP \
  --enable-priority-and-fairness=false --profiling=false --event-ttl=30m
wait_for 90 kube-apiserver kc get --raw /readyz || e2e_die "kube-apiserver not ready after 90s; see $LOGS/kube-apiserver.log"

# kwok reads its PortForward objects from CRDs, so they exist before it starts.
# build.sh copies the CRDs (kwok's, prometheus-operator's ServiceMonitor) beside the binaries.
[ -d "$BIN/crds" ] || e2e_die "$BIN/crds is missing; run 'npm run e2e:build' again"
kc apply --server-side -f "$BIN/crds" >/dev/null
kc wait --for=condition=Established --timeout=30s crd/portforwards.kwok.x-k8s.io \
  crd/clusterportforwards.kwok.x-k8s.io crd/servicemonitors.monitoring.coreos.com >/dev/null
# Gateway API standard CRDs (scripts/e2e/gateway-api-crds.sh).
# shellcheck source=gateway-api-crds.sh
. "$E2E_HERE/gateway-api-crds.sh"
apply_gateway_crds

start kube-controller-manager "$BIN/kube-controller-manager" --kubeconfig="$KUBECONFIG_FILE" \
  --leader-elect=false --bind-address=127.0.0.1 --secure-port=0 \
  --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
  --use-service-account-credentials=false --controllers='*,-nodeipam,-cloud-node-lifecycle'
start kube-scheduler "$BIN/kube-scheduler" --kubeconfig="$KUBECONFIG_FILE" \
  --leader-elect=false --bind-address=127.0.0.1 --secure-port=0
start kwok "$BIN/kwok" --kubeconfig="$KUBECONFIG_FILE" --config="$E2E_HERE/kwok-stages.yaml" \
  --enable-crds=PortForward,ClusterPortForward --manage-all-nodes=true \
  --node-ip=127.0.0.1 --node-port="$KWOK_PORT" --server-address="127.0.0.1:$KWOK_PORT" \
  --tls-cert-file="$PKI/kwok.crt" --tls-private-key-file="$PKI/kwok.key" \
  --node-lease-duration-seconds=40 --cidr=10.244.0.0/16

{ nodes_yaml; storage_yaml; port_forward_yaml; } | kc apply -f - >/dev/null
start_target

wait_for 60 "nodes" kc wait --for=condition=Ready node --all --timeout=1s ||
  e2e_die "nodes not Ready after 60s; see $LOGS/kwok.log"
# Admission refuses pods until the controller manager made the default ServiceAccount.
wait_for 60 "default ServiceAccount" kc -n default get serviceaccount default ||
  e2e_die "no default ServiceAccount after 60s; see $LOGS/kube-controller-manager.log"

e2e_log "cluster up in $(($(date +%s) - E2E_START))s (apiserver https://127.0.0.1:$API_PORT, $E2E_NODES nodes, port-forward target 127.0.0.1:$E2E_TARGET_PORT: $(cat "$E2E_DIR/target"))"
e2e_log "kubectl --kubeconfig $KUBECONFIG_FILE get nodes"

# OCI registry for the chart publishing tests (registry-up.sh; stopped by down.sh).
bash "$E2E_HERE/registry-up.sh"
# Flux controllers for the gitops lane, only when asked (E2E_GITOPS=1; the gitops test
# starts them itself otherwise): they need flux-build.sh's cache. Stopped by down.sh.
if [ "${E2E_GITOPS:-0}" = 1 ]; then bash "$E2E_HERE/flux-up.sh"; fi
