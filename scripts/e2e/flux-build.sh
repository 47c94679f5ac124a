#!/usr/bin/env bash
# Builds the GitOps controllers the gitops e2e lane runs against the e2e API server:
# Flux source-controller and helm-controller from their Go modules, plus their CRDs
# and Argo CD's Application CRD copied from the same modules, cached under
# ~/.cache/flask-helm-wizard/e2e/flux-src<v>-helm<v>-argocd<v>-<go version>.
# Same pattern as build.sh: the cache's one lock, build into .tmp, atomic rename;
# a warm run returns at once. Progress goes to stderr.
#   flux-build.sh              build (or reuse)
#   flux-build.sh --print-dir  print the binary directory (building if needed)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.env
. "$HERE/versions.env"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-trimpath -mod=mod"
CACHE=${E2E_BIN_CACHE:-$HOME/.cache/flask-helm-wizard/e2e}
OUT=$CACHE/flux-src$FLUX_SOURCE-helm$FLUX_HELM-argocd$ARGOCD-$(go env GOVERSION)
log() { echo "$@" >&2; }
done_cached() {
  if [ "${1:-}" = "--print-dir" ]; then echo "$OUT"; else log "gitops controllers cached in $OUT"; fi
  exit 0
}
# Where the Go module proxy unpacked module@version (for CRDs and go.mod).
mod_field() { GOFLAGS= go mod download -json "$1" | jq -er ".$2"; }

mkdir -p "$CACHE"
[ -f "$OUT/.ok" ] && done_cached "$@"
exec 9>"$CACHE/.build.lock"
if ! flock -n 9; then log "another e2e build is running; waiting for its lock ($CACHE/.build.lock)"; flock 9; fi
[ -f "$OUT/.ok" ] && done_cached "$@"
TMP=$OUT.tmp; rm -rf "$TMP"; mkdir -p "$TMP/crds"
start=$(date +%s)

# One wrapper module per controller pins it and its dependencies (go.sum beside it,
# made on first use of a new version). A wrapper does not inherit the controller's
# own replace directives, so the non-local ones (go-digest with BLAKE3, the kustomize
# pin) are copied from its go.mod; the local `./api` ones resolve to the published
# api module the controller requires at the same version.
build_controller() { # name version
  local name=$1 ver=$2 mod=$HERE/modules/flux-$1-$2 path=github.com/fluxcd/$1
  if [ ! -f "$mod/go.mod" ]; then
    local upstream; upstream=$(mod_field "$path@v$ver" GoMod)
    mkdir -p "$mod"; ( cd "$mod"; go mod init "e2e/flux-$name" >/dev/null 2>&1
      go mod edit -go=1.25.0
      go mod edit -json "$upstream" |
        jq -r '.Replace[]? | select(.New.Version != null) | "\(.Old.Path)=\(.New.Path)@\(.New.Version)"' |
        while read -r r; do go mod edit -replace="$r"; done
      go get -tool "$path@v$ver" )
  fi
  log "building $name v$ver"
  ( cd "$mod" && go build -ldflags "-s -w" -o "$TMP/$name" "$path" )
  cp "$(mod_field "$path@v$ver" Dir)"/config/crd/bases/*.yaml "$TMP/crds/"
  log "  $name done after $(( $(date +%s) - start ))s"
}
log "building Flux controllers (cold on 2 cores: several minutes each)"
build_controller source-controller "$FLUX_SOURCE"
build_controller helm-controller "$FLUX_HELM"
# Only the Application CRD: the lane validates the exported Application against it.
cp "$(mod_field "github.com/argoproj/argo-cd/v3@v$ARGOCD" Dir)/manifests/crds/application-crd.yaml" \
  "$TMP/crds/argoproj.io_applications.yaml"
chmod 644 "$TMP"/crds/*.yaml
for c in source-controller helm-controller; do # a binary that runs prints its flags
  usage=$("$TMP/$c" --help 2>&1 || true)
  grep -q -- --enable-leader-election <<<"$usage" || { log "$c does not run: $usage"; exit 1; }
done
touch "$TMP/.ok"; rm -rf "$OUT"; mv "$TMP" "$OUT"
log "gitops controllers built in $(( $(date +%s) - start ))s: $OUT"
done_cached "$@"
