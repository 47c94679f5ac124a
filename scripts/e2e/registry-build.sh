#!/usr/bin/env bash
# Builds the OCI registry the chart publishing tests push to: CNCF distribution
# (`registry`, from the Go module github.com/distribution/distribution/v3) and
# fhw-htpasswd (registry-htpasswd.go: bcrypt entries from a password on stdin),
# cached under ~/.cache/flask-helm-wizard/e2e/registry<version>-<go version>.
# Same pattern as build.sh: the cache's one lock, build into .tmp, atomic rename;
# a warm run returns at once. Progress goes to stderr.
#   registry-build.sh              build (or reuse)
#   registry-build.sh --print-dir  print the binary directory (building if needed)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.env
. "$HERE/versions.env"
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-trimpath -mod=mod"
CACHE=${E2E_BIN_CACHE:-$HOME/.cache/flask-helm-wizard/e2e}
OUT=$CACHE/registry$REGISTRY-$(go env GOVERSION)
log() { echo "$@" >&2; }
done_cached() {
  if [ "${1:-}" = "--print-dir" ]; then echo "$OUT"; else log "registry cached in $OUT"; fi
  exit 0
}

mkdir -p "$CACHE"
[ -f "$OUT/.ok" ] && done_cached "$@"
exec 9>"$CACHE/.build.lock"
if ! flock -n 9; then log "another e2e build is running; waiting for its lock ($CACHE/.build.lock)"; flock 9; fi
[ -f "$OUT/.ok" ] && done_cached "$@"
TMP=$OUT.tmp; rm -rf "$TMP"; mkdir -p "$TMP"
start=$(date +%s)

# A wrapper module pins the registry and its dependencies (go.sum beside it, made on
# first use of a new version); the htpasswd helper builds inside the same module, so
# its bcrypt is the very package the registry checks passwords with.
MOD=$HERE/modules/registry-$REGISTRY
if [ ! -f "$MOD/go.mod" ]; then
  mkdir -p "$MOD"; ( cd "$MOD"; go mod init e2e/registrybin >/dev/null 2>&1
    go get -tool "github.com/distribution/distribution/v3/cmd/registry@v$REGISTRY" )
fi
log "building distribution registry v$REGISTRY (cold: ~3.5 CPU-minutes; 7 min measured on a busy 2-core machine)"
( cd "$MOD" && go build -ldflags "-s -w -X github.com/distribution/distribution/v3/version.version=v$REGISTRY" \
    -o "$TMP/registry" github.com/distribution/distribution/v3/cmd/registry &&
  go build -ldflags "-s -w" -o "$TMP/fhw-htpasswd" "$HERE/registry-htpasswd.go" )
"$TMP/registry" --version >/dev/null
touch "$TMP/.ok"; rm -rf "$OUT"; mv "$TMP" "$OUT"
log "registry built in $(( $(date +%s) - start ))s: $OUT"
done_cached "$@"
