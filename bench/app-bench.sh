#!/usr/bin/env bash
# Throughput and tail latency of the Flask app under uWSGI (2 processes, as the chart's
# default), measured with wrk against /health and POST /predict. No database or Redis:
# this measures the app, uWSGI and the model, not the network to backing services.
# Production settings (as the prod values file: INFO logs, debug off).
# Usage: bench/app-bench.sh [duration, default 15s] [connections, default 16]
# Prints one line per endpoint: requests/s and p50/p99 latency.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${1:-15s}
CONNECTIONS=${2:-16}
command -v wrk >/dev/null || { echo "app-bench: wrk is missing: apt-get install wrk" >&2; exit 1; }
VENV=$(bash "$ROOT/scripts/tools/app-venv.sh" | tail -1)
PORT=$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LOG=$(mktemp /tmp/app-bench-uwsgi.XXXXXX)

cd "$ROOT/app"
env -i PATH="$VENV/bin:/usr/bin:/bin" HOME="$HOME" APP_ENV=production SECRET_KEY=bench-only-not-secret-0123456789abcdef \
  LOG_LEVEL=INFO PORT="$PORT" UWSGI_PROCESSES=2 UWSGI_THREADS="${UWSGI_THREADS:-2}" \
  "$VENV/bin/uwsgi" --ini uwsgi.ini >"$LOG" 2>&1 &
UWSGI_PID=$!
cleanup() { kill -TERM "$UWSGI_PID" 2>/dev/null && wait "$UWSGI_PID" 2>/dev/null; rm -f "$LOG"; }
trap cleanup EXIT

for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  kill -0 "$UWSGI_PID" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.2
done
# Warm both workers (first /predict in a worker touches the model's code paths).
wrk -t2 -c4 -d2s -s "$ROOT/bench/app-predict.lua" "http://127.0.0.1:$PORT/predict" >/dev/null

run() { # <label> <wrk args...>
  local label=$1; shift
  local out; out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  if grep -q 'Non-2xx' <<<"$out"; then echo "$out" >&2; echo "app-bench: $label had error responses" >&2; exit 1; fi
  local rps p50 p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  printf '%-16s %10s req/s   p50 %-9s p99 %s\n' "$label" "$rps" "$p50" "$p99"
}

echo "uWSGI 2 processes x ${UWSGI_THREADS:-2} threads, wrk 2 threads, $CONNECTIONS connections, $DURATION each, $(nproc) CPUs"
run "GET /health" "http://127.0.0.1:$PORT/health"
run "POST /predict" -s "$ROOT/bench/app-predict.lua" "http://127.0.0.1:$PORT/predict"
