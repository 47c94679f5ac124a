#!/usr/bin/env bash
# Installs the manifest linters the chart tests run on every render (default, dev,
# staging, prod), pinned and cached per version so only a cold machine pays for
# the build:
#   kube-score  (go install, GOTOOLCHAIN=local)  → ~/.cache/flask-helm-wizard/tools/go-kube-score-<v>/
#   checkov     (pip, in its own venv)           → ~/.cache/flask-helm-wizard/tools/py-checkov-<v>/
# and links them into .cache/bin of the checkout. kube-linter and Polaris are not
# installed: the Go module proxy refuses every version of both (and the project
# may fetch nothing else), so checkov and kube-score cover the same checks
# (read-only root FS, non-root, privilege escalation, capabilities, limits,
# probes, NetworkPolicy, PDB).
# Prints the two binary paths, one per line, unless --quiet.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${FHW_TOOLS_CACHE:-$HOME/.cache/flask-helm-wizard/tools}
BIN=$ROOT/.cache/bin
KUBE_SCORE_VERSION=v1.20.0
CHECKOV_VERSION=3.3.30
mkdir -p "$BIN" "$CACHE"
# One installer at a time (test-chart.sh and the chart tests may both call this).
exec 9>"$CACHE/.lint-tools.lock"
flock 9

# A half-finished install never counts: each tool is built into <dir>.tmp and
# renamed once it ran; `.ok` marks a usable cache entry.
install_kube_score() {
  local out=$CACHE/go-kube-score-$KUBE_SCORE_VERSION
  if [ ! -f "$out/.ok" ]; then
    echo "lint-tools: building kube-score $KUBE_SCORE_VERSION (first run only, a few minutes)" >&2
    rm -rf "$out.tmp"; mkdir -p "$out.tmp/bin"
    GOTOOLCHAIN=local GOBIN="$out.tmp/bin" GOFLAGS=-buildvcs=false \
      go install "github.com/zegl/kube-score/cmd/kube-score@$KUBE_SCORE_VERSION" >&2
    "$out.tmp/bin/kube-score" version >/dev/null
    touch "$out.tmp/.ok"; rm -rf "$out"; mv "$out.tmp" "$out"
  fi
  ln -sfn "$out/bin/kube-score" "$BIN/kube-score"
}

install_checkov() {
  local out=$CACHE/py-checkov-$CHECKOV_VERSION
  if [ ! -f "$out/.ok" ]; then
    echo "lint-tools: installing checkov $CHECKOV_VERSION into a venv (first run only)" >&2
    # A venv records its own path in its scripts, so it is built in place; the
    # `.ok` marker written last is what makes it count.
    rm -rf "$out"
    python3 -m venv "$out"
    "$out/bin/pip" install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION" >&2
    "$out/bin/checkov" --version >/dev/null
    touch "$out/.ok"
  fi
  ln -sfn "$out/bin/checkov" "$BIN/checkov"
}

install_kube_score
install_checkov
[ "${1:-}" = "--quiet" ] || printf '%s\n%s\n' "$BIN/kube-score" "$BIN/checkov"
