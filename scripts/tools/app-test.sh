#!/usr/bin/env bash
# Runs the app's pytest suite (real PostgreSQL and Redis, started by the fixtures)
# in the venv from app-venv.sh. Arguments go to pytest, e.g. --junitxml=FILE or -k ready.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV=$(bash "$ROOT/scripts/tools/app-venv.sh" | tail -1)
cd "$ROOT/app"
# No bytecode files in the checkout; the suite runs from a clean clone in CI.
export PYTHONDONTWRITEBYTECODE=1
exec "$VENV/bin/python" -m pytest "$@"
