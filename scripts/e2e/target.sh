# start_target: the local server that kwok's default ClusterPortForward sends pod
# port 8080 to (sourced by up.sh after lib.sh). The real Flask app from app/ under
# uWSGI when its venv exists; otherwise the stdlib FALLBACK in fallback-target.py,
# which only answers /health, /ready and /metrics. $E2E_DIR/target names which.
start_target() {
  local venv="" kind
  if [ -f "$E2E_ROOT/app/uwsgi.ini" ] && [ -f "$E2E_ROOT/scripts/tools/app-venv.sh" ]; then
    # Creates the venv when missing (about a minute, once); CI made it already.
    venv=$(bash "$E2E_ROOT/scripts/tools/app-venv.sh" 2>>"$LOGS/target.log" | tail -n1) || venv=""
  fi
  if [ -n "$venv" ] && [ -x "$venv/bin/uwsgi" ]; then
    kind=app
    # No DATABASE_URL/REDIS_URL: the app reports them as not configured. The secret
    # travels in the environment, never argv. The set-placeholder only carries the
    # state dir into the command line so down.sh can tell the pid is ours.
    (
      export PORT=$E2E_TARGET_PORT APP_ENV=development LOG_LEVEL=INFO UWSGI_PROCESSES=1 UWSGI_THREADS=2
      SECRET_KEY="e2e-throwaway-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
      export SECRET_KEY
      exec setsid "$venv/bin/uwsgi" --ini "$E2E_ROOT/app/uwsgi.ini" --set-placeholder "fhw_e2e_dir=$E2E_DIR"
    ) >>"$LOGS/target.log" 2>&1 </dev/null &
    echo $! >"$PIDS/target.pid"
  else
    kind=fallback
    setsid python3 "$E2E_HERE/fallback-target.py" --port "$E2E_TARGET_PORT" --state-dir "$E2E_DIR" \
      >>"$LOGS/target.log" 2>&1 </dev/null &
    echo $! >"$PIDS/target.pid"
  fi
  echo "$kind" >"$E2E_DIR/target"
  wait_for 30 "port-forward target ($kind)" http_ok "http://127.0.0.1:$E2E_TARGET_PORT/health" ||
    e2e_die "the port-forward target did not answer /health on 127.0.0.1:$E2E_TARGET_PORT; see $LOGS/target.log"
  if [ "$kind" = fallback ]; then
    e2e_log "port-forward target: the FALLBACK stdlib server (app/ venv not found; run scripts/tools/app-venv.sh for the real Flask app)"
  else
    e2e_log "port-forward target: the Flask app from app/ under uWSGI"
  fi
}
