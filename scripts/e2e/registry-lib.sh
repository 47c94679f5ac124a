# Settings for the e2e OCI registry (sourced by registry-up.sh and registry-down.sh
# after lib.sh). Two registry processes share one storage folder, credentials and
# upload secret, as replicas behind a load balancer do:
#   tls   https://127.0.0.1:$E2E_REGISTRY_PORT     [E2E_PORT_BASE + 500]  own CA; Helm 4, Flux
#   http  http://127.0.0.1:$E2E_REGISTRY_HTTP_PORT [E2E_PORT_BASE + 501]  Helm 3 (below)
# Helm 3's OCI client (containerd's resolver, docker.MatchLocalhost) always speaks
# plain HTTP to a loopback host, whatever --ca-file says, so it cannot reach the TLS one.
# Their state lives apart from the control plane's pids/ and pki/:
#   $E2E_DIR/registry/        config-<name>.yml, registry-<name>.pid, tls/ (CA), auth/ (htpasswd, password), data/
#   $E2E_DIR/registry.env     what tests read: REGISTRY_HOST, REGISTRY_HTTP_HOST, REGISTRY_CA,
#                             REGISTRY_USER, REGISTRY_PASSWORD_FILE (a path: the password is never printed)
REGISTRY_STATE=$E2E_DIR/registry
REGISTRY_PORT=${E2E_REGISTRY_PORT:-$((E2E_PORT_BASE + 500))}
REGISTRY_HTTP_PORT=${E2E_REGISTRY_HTTP_PORT:-$((E2E_PORT_BASE + 501))}
REGISTRY_ENV=$E2E_DIR/registry.env
REGISTRY_USER=fhw-publisher
REGISTRY_NAMES="tls http"

# registry_alive <name>: the recorded pid still runs and is still this registry (its
# command line names our config file; a reused pid belongs to someone else).
registry_alive() {
  local pid f=$REGISTRY_STATE/registry-$1.pid
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  [ -r "/proc/$pid/cmdline" ] || return 1
  case $(tr '\0' ' ' <"/proc/$pid/cmdline") in *"$REGISTRY_STATE/config-$1.yml"*) return 0 ;; esac
  return 1
}

# registry_answers <name>: /v2/ asks for credentials (401), i.e. it serves, with auth;
# the TLS one is checked against our CA.
registry_answers() {
  local url=http://127.0.0.1:$REGISTRY_HTTP_PORT/v2/
  [ "$1" = tls ] && url=https://127.0.0.1:$REGISTRY_PORT/v2/
  python3 - "$url" "$REGISTRY_STATE/tls/ca.crt" <<'PY'
import ssl, sys, urllib.error, urllib.request
ctx = ssl.create_default_context(cafile=sys.argv[2])
try:
    urllib.request.urlopen(sys.argv[1], timeout=2, context=ctx if sys.argv[1].startswith("https") else None)
    sys.exit(1)  # no credentials asked: not the registry we configured
except urllib.error.HTTPError as e:
    sys.exit(0 if e.code == 401 else 1)
PY
}
