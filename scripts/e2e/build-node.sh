#!/usr/bin/env bash
# Builds the parts of the real-node e2e lane (E2E_NODES=real) from Go modules and
# caches them beside the control plane, under ~/.cache/flask-helm-wizard/e2e/node-<versions>:
# kubelet and kube-proxy (the K8S wrapper module, plus these two tools), containerd
# with its runc shim and ctr, CoreDNS (only the plugins the lane uses) and the
# sandbox ("pause") binary. runc and the CNI plugins are Debian packages
# (install-system-deps.sh). Same lock as build.sh, built into <dir>.tmp and renamed,
# so a warm run only checks one file.
#   build-node.sh              build (or reuse)
#   build-node.sh --print-dir  print the binary directory (building if needed)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.env
. "$HERE/versions.env"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-trimpath -mod=mod"
CACHE=${E2E_BIN_CACHE:-$HOME/.cache/flask-helm-wizard/e2e}
OUT=$CACHE/node-k8s$K8S-containerd$CONTAINERD-coredns$COREDNS-$(go env GOVERSION)
PRINT=0; [ "${1:-}" = "--print-dir" ] && PRINT=1
log() { if [ $PRINT = 1 ]; then echo "$@" >&2; else echo "$@"; fi; }
done_cached() {
  if [ $PRINT = 1 ]; then echo "$OUT"; else log "e2e node binaries cached in $OUT"; fi
  exit 0
}

mkdir -p "$CACHE"
[ -f "$OUT/.ok" ] && done_cached
exec 9>"$CACHE/.build.lock"
if ! flock -n 9; then log "another e2e build is running; waiting for its lock ($CACHE/.build.lock)"; flock 9; fi
[ -f "$OUT/.ok" ] && done_cached
TMP=$OUT.tmp; rm -rf "$TMP"; mkdir -p "$TMP"
start=$(date +%s)

# kubelet and kube-proxy: a copy of the control plane's wrapper module with two more
# tools. Same module versions, so a Go build cache warm from build.sh is reused.
NODE_MOD=$HERE/modules/k8s-node-$K8S
if [ ! -f "$NODE_MOD/go.mod" ]; then
  [ -f "$HERE/modules/k8s-$K8S/go.mod" ] || { echo "build-node.sh: run build.sh first (it makes modules/k8s-$K8S)" >&2; exit 1; }
  mkdir -p "$NODE_MOD"; cp "$HERE/modules/k8s-$K8S/go.mod" "$HERE/modules/k8s-$K8S/go.sum" "$NODE_MOD/"
  ( cd "$NODE_MOD" && go mod edit -module=e2e/k8snodebins &&
    go get -tool "k8s.io/kubernetes/cmd/kubelet@v$K8S" "k8s.io/kubernetes/cmd/kube-proxy@v$K8S" )
fi
MIN=${K8S#1.}; MIN=${MIN%%.*}; LDF="-s -w"
# The same version stamps as build.sh: the node reports kubeletVersion v$K8S.
for kv in gitVersion=v$K8S gitMajor=1 gitMinor=$MIN gitTreeState=clean buildDate=2000-01-01T00:00:00Z; do
  LDF+=" -X k8s.io/component-base/version.$kv -X k8s.io/client-go/pkg/version.$kv"
done
log "building kubelet, kube-proxy v$K8S"
( cd "$NODE_MOD" && go build -ldflags "$LDF" -o "$TMP/" k8s.io/kubernetes/cmd/kubelet k8s.io/kubernetes/cmd/kube-proxy )
log "  kubelet, kube-proxy done after $(( $(date +%s) - start ))s"

# containerd: no btrfs/devmapper/zfs snapshotters (they need C libraries); overlayfs
# is built in. The module is fetched by `go install` itself (no wrapper needed).
log "building containerd v$CONTAINERD (containerd, containerd-shim-runc-v2, ctr)"
CTRD_VER="-X github.com/containerd/containerd/v2/version.Version=v$CONTAINERD"
GOBIN=$TMP go install -tags "no_btrfs no_devmapper no_zfs" -ldflags "-s -w $CTRD_VER" \
  "github.com/containerd/containerd/v2/cmd/containerd@v$CONTAINERD" \
  "github.com/containerd/containerd/v2/cmd/containerd-shim-runc-v2@v$CONTAINERD" \
  "github.com/containerd/containerd/v2/cmd/ctr@v$CONTAINERD"
log "  containerd done after $(( $(date +%s) - start ))s"

log "building coredns v$COREDNS (kubernetes, cache, health, ready, errors, log, loadbalance, template)"
( cd "$HERE/modules/coredns-$COREDNS" && go build -ldflags "-s -w" -o "$TMP/coredns" . )
log "  coredns done after $(( $(date +%s) - start ))s"

# The pod sandbox: a static C binary, so its image is one file.
gcc -Os -static -o "$TMP/pause" "$HERE/node/pause.c"
strip "$TMP/pause"

"$TMP/kubelet" --version >/dev/null
"$TMP/containerd" --version >/dev/null
touch "$TMP/.ok"; rm -rf "$OUT"; mv "$TMP" "$OUT"
log "e2e node binaries built in $(( $(date +%s) - start ))s: $OUT"
[ $PRINT = 1 ] && echo "$OUT"
exit 0
