#!/usr/bin/env bash
# Creates (or reuses) the Python venv for app/ and prints its path on the last line.
# The venv lives under ~/.cache/flask-helm-wizard/venv-<hash>, keyed by the lock files
# and the Python version, so a changed pin gets a fresh venv and an unchanged one costs
# nothing. Also trains the default model (app/model/model.joblib) when it is missing
# or was trained by another venv (a pickled model belongs to its scikit-learn version).
# Env: FHW_PYTHON picks the interpreter (default python3.11, then python3).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP=$ROOT/app
PY=${FHW_PYTHON:-$(command -v python3.11 || command -v python3)}
[ -x "$PY" ] || { echo "app-venv: no python3.11/python3 found: install Python 3.11+ or set FHW_PYTHON" >&2; exit 1; }
pyver=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
hash=$(cat "$APP/requirements.lock" "$APP/requirements-test.lock" <(echo "$pyver") | sha256sum | cut -c1-16)
VENV=${XDG_CACHE_HOME:-$HOME/.cache}/flask-helm-wizard/venv-$hash

mkdir -p "$(dirname "$VENV")"
# One builder at a time (npm test and the e2e harness may both ask); the others wait
# here and then find the venv complete.
exec 9>"$VENV.lock"
flock 9
if [ ! -f "$VENV/.complete" ]; then
  echo "app-venv: creating $VENV (Python $pyver; uWSGI compiles from source, ~1 min)" >&2
  rm -rf "$VENV" "$VENV.tmp"
  # Built aside and moved into place, so an interrupted install is never reused.
  "$PY" -m venv "$VENV.tmp"
  "$VENV.tmp/bin/python" -m pip install --quiet --upgrade pip >&2
  "$VENV.tmp/bin/python" -m pip install --quiet -r "$APP/requirements.lock" -r "$APP/requirements-test.lock" >&2
  mv "$VENV.tmp" "$VENV"
  # A venv records its own path in scripts; rewrite the shebangs for the final place.
  grep -rlI --null "$VENV.tmp" "$VENV/bin" | xargs -0 -r sed -i "s#$VENV.tmp#$VENV#g"
  touch "$VENV/.complete"
fi

MODEL=$APP/model/model.joblib
STAMP=$APP/model/.trained-by
# The pickle depends on the scikit-learn pin, not on the Python version.
model_key=$(sha256sum < "$APP/requirements.lock" | cut -c1-16)
if [ ! -f "$MODEL" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$model_key" ]; then
  echo "app-venv: training the default model into $MODEL" >&2
  "$VENV/bin/python" "$APP/model/train.py" --output "$MODEL" >&2
  echo "$model_key" > "$STAMP"
fi
flock -u 9
echo "$VENV"
