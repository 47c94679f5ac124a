#!/usr/bin/env bash
# Builds the e2e control plane binaries (kube-apiserver, kube-controller-manager,
# kube-scheduler, etcd, kwok) from Go modules with the machine's Go toolchain and
# caches them under ~/.cache/flask-helm-wizard/e2e/<versions>. A warm run returns
# at once. The wrapper go.mod/go.sum files live beside this script so builds are
# reproducible; they are generated on first use of a new version.
#   build.sh            build (or reuse) and print nothing but progress
#   build.sh --print-dir  print the binary directory (building if needed)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.env
. "$HERE/versions.env"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-trimpath -mod=mod"
CACHE=${E2E_BIN_CACHE:-$HOME/.cache/flask-helm-wizard/e2e}
OUT=$CACHE/k8s$K8S-etcd$ETCD-kwok$KWOK-$(go env GOVERSION)
PRINT=0; [ "${1:-}" = "--print-dir" ] && PRINT=1
log() { [ $PRINT = 1 ] && echo "$@" >&2 || echo "$@"; }

# CRDs up.sh installs, copied beside the binaries so up.sh needs neither Go nor the
# network: kwok's PortForward/ClusterPortForward, prometheus-operator's ServiceMonitor.
ensure_crds() {
  [ -f "$OUT/crds/.ok" ] && return 0
  local kwok_src prom_src tmp=$OUT/crds.tmp
  kwok_src=$(GOFLAGS= go mod download -json "sigs.k8s.io/kwok@v$KWOK" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
  prom_src=$(GOFLAGS= go mod download -json "github.com/prometheus-operator/prometheus-operator@v$PROM_OPERATOR" |
    sed -n 's/.*"Dir": "\(.*\)",/\1/p')
  if [ ! -d "$kwok_src" ] || [ ! -d "$prom_src" ]; then
    echo "build.sh: could not download sigs.k8s.io/kwok@v$KWOK or prometheus-operator@v$PROM_OPERATOR from the Go module proxy" >&2
    exit 1
  fi
  rm -rf "$tmp"; mkdir -p "$tmp"
  cp "$kwok_src/kustomize/crd/bases/kwok.x-k8s.io_portforwards.yaml" \
    "$kwok_src/kustomize/crd/bases/kwok.x-k8s.io_clusterportforwards.yaml" \
    "$prom_src/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml" "$tmp/"
  chmod 644 "$tmp"/*.yaml; touch "$tmp/.ok"; rm -rf "$OUT/crds"; mv "$tmp" "$OUT/crds"
}
# shellcheck source=gateway-api-crds.sh
. "$HERE/gateway-api-crds.sh"
done_cached() {
  ensure_crds
  ensure_gateway_crds
  if [ $PRINT = 1 ]; then echo "$OUT"; else log "e2e binaries cached in $OUT"; fi
  exit 0
}

mkdir -p "$CACHE"
# OCI registry for the chart publishing tests (registry-build.sh: own cache key, same lock).
bash "$HERE/registry-build.sh"
# Flux controllers + GitOps CRDs for the gitops lane (flux-build.sh: own cache key, same lock).
bash "$HERE/flux-build.sh"
[ -f "$OUT/.ok" ] && [ -f "$OUT/crds/.ok" ] && done_cached
exec 9>"$CACHE/.build.lock"
if ! flock -n 9; then log "another e2e build is running; waiting for its lock ($CACHE/.build.lock)"; flock 9; fi
[ -f "$OUT/.ok" ] && done_cached
TMP=$OUT.tmp; rm -rf "$TMP"; mkdir -p "$TMP"
start=$(date +%s)

# Kubernetes: a wrapper module that pins every staging module to its published tag,
# because k8s.io/kubernetes replaces them with ./staging paths (go install refuses).
K8S_MOD=$HERE/modules/k8s-$K8S
if [ ! -f "$K8S_MOD/go.mod" ]; then
  mkdir -p "$K8S_MOD"; ( cd "$K8S_MOD"
    go mod init e2e/k8sbins >/dev/null 2>&1
    go mod edit -go=1.25.0 -godebug=default=go1.25
    MOD=$(go mod download -json "k8s.io/kubernetes@v$K8S" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')
    for m in $(sed -n 's#^[[:space:]]*\(k8s.io/[^ ]*\) => \./staging/.*#\1#p' "$MOD"); do
      go mod edit -replace="$m=$m@v0.${K8S#1.}"
    done
    go get -tool "k8s.io/kubernetes/cmd/kube-apiserver@v$K8S" "k8s.io/kubernetes/cmd/kube-controller-manager@v$K8S" "k8s.io/kubernetes/cmd/kube-scheduler@v$K8S" )
fi
MIN=${K8S#1.}; MIN=${MIN%%.*}; LDF="-s -w"
# Without these /version reports v0.0.0-master and helm rejects kubeVersion constraints.
for kv in gitVersion=v$K8S gitMajor=1 gitMinor=$MIN gitTreeState=clean buildDate=2000-01-01T00:00:00Z; do
  LDF+=" -X k8s.io/component-base/version.$kv -X k8s.io/client-go/pkg/version.$kv"
done
log "building kube-apiserver, kube-controller-manager, kube-scheduler v$K8S (cold on 2 cores: ~8 min, measured)"
( cd "$K8S_MOD" && go build -ldflags "$LDF" -o "$TMP/" k8s.io/kubernetes/cmd/kube-apiserver \
    k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler )

ETCD_MOD=$HERE/modules/etcd-$ETCD
if [ ! -f "$ETCD_MOD/go.mod" ]; then
  mkdir -p "$ETCD_MOD"; ( cd "$ETCD_MOD"; go mod init e2e/etcdbin >/dev/null 2>&1
    go get -tool "go.etcd.io/etcd/server/v3@v$ETCD" )
fi
log "  kubernetes binaries done after $(( $(date +%s) - start ))s"
log "building etcd v$ETCD"
( cd "$ETCD_MOD" && go build -ldflags "-s -w" -o "$TMP/etcd" go.etcd.io/etcd/server/v3 )

KWOK_MOD=$HERE/modules/kwok-$KWOK
if [ ! -f "$KWOK_MOD/go.mod" ]; then
  mkdir -p "$KWOK_MOD"; ( cd "$KWOK_MOD"; go mod init e2e/kwokbin >/dev/null 2>&1
    go get -tool "sigs.k8s.io/kwok/cmd/kwok@v$KWOK" )
fi
log "  etcd done after $(( $(date +%s) - start ))s"
log "building kwok v$KWOK"
( cd "$KWOK_MOD" && go build -ldflags "-s -w" -o "$TMP/kwok" sigs.k8s.io/kwok/cmd/kwok )

"$TMP/kube-apiserver" --version >/dev/null
touch "$TMP/.ok"; rm -rf "$OUT"; mv "$TMP" "$OUT"
ensure_crds
ensure_gateway_crds
log "e2e binaries built in $(( $(date +%s) - start ))s: $OUT"
[ $PRINT = 1 ] && echo "$OUT"
exit 0
