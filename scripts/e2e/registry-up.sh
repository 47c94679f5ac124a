#!/usr/bin/env bash
# Starts the e2e OCI registry (CNCF distribution, see registry-build.sh) as a real one
# is run: TLS with its own throwaway CA on 127.0.0.1:$E2E_REGISTRY_PORT and htpasswd
# (bcrypt) basic auth with a random password; plus a plain-HTTP replica on
# $E2E_REGISTRY_HTTP_PORT for Helm 3 (registry-lib.sh says why). Storage, certificates
# and credentials live in $E2E_DIR/registry; tests read $E2E_DIR/registry.env.
# Idempotent: a running registry is reused. up.sh runs it; down.sh stops it
# (registry-down.sh).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
# shellcheck source=registry-lib.sh
. "$E2E_HERE/registry-lib.sh"
E2E_START=${E2E_START:-$(date +%s)}

all_serving() {
  local n
  for n in $REGISTRY_NAMES; do
    registry_alive "$n" && registry_answers "$n" >/dev/null 2>&1 || return 1
  done
}
if all_serving; then
  e2e_log "registry already running (reused): https://127.0.0.1:$REGISTRY_PORT, http://127.0.0.1:$REGISTRY_HTTP_PORT"
  exit 0
fi
[ -d "$REGISTRY_STATE" ] && bash "$E2E_HERE/registry-down.sh" >/dev/null
BIN=${E2E_REGISTRY_BIN_DIR:-$(bash "$E2E_HERE/registry-build.sh" --print-dir)}
[ -x "$BIN/registry" ] && [ -x "$BIN/fhw-htpasswd" ] || e2e_die "$BIN has no registry; run 'npm run e2e:build' first"
for p in "$REGISTRY_PORT" "$REGISTRY_HTTP_PORT"; do
  port_in_use "$p" &&
    e2e_die "port $p on 127.0.0.1 is taken by another program; pick others with E2E_REGISTRY_PORT=<n> / E2E_REGISTRY_HTTP_PORT=<n>"
done

rm -rf "$REGISTRY_STATE"
mkdir -p "$REGISTRY_STATE/tls" "$REGISTRY_STATE/auth" "$REGISTRY_STATE/data" "$LOGS"
chmod 700 "$REGISTRY_STATE/tls" "$REGISTRY_STATE/auth"
(
  cd "$REGISTRY_STATE/tls"
  ec_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
  ec_key ca.key
  openssl req -x509 -new -key ca.key -days 30 -subj "/CN=fhw-e2e-registry-ca" -out ca.crt 2>/dev/null
  ec_key registry.key
  openssl req -new -key registry.key -subj "/CN=fhw-e2e-registry" -out registry.csr 2>/dev/null
  printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n' >ext.cnf
  openssl x509 -req -in registry.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 \
    -extfile ext.cnf -out registry.crt 2>/dev/null
  rm -f registry.csr ext.cnf ca.srl
  chmod 600 ./*.key; chmod 644 ca.crt
)
(
  umask 077
  openssl rand -hex 24 >"$REGISTRY_STATE/auth/password"
  "$BIN/fhw-htpasswd" "$REGISTRY_USER" <"$REGISTRY_STATE/auth/password" >"$REGISTRY_STATE/auth/htpasswd"
  # One upload secret for both, so an upload begun on one may finish on the other.
  # The configs hold it, so they are private too.
  secret=$(openssl rand -hex 16)
  for name in $REGISTRY_NAMES; do
    port=$REGISTRY_HTTP_PORT tls=''
    if [ "$name" = tls ]; then
      port=$REGISTRY_PORT
      tls=$(printf '  tls:\n    certificate: %s\n    key: %s' "$REGISTRY_STATE/tls/registry.crt" "$REGISTRY_STATE/tls/registry.key")
    fi
    cat >"$REGISTRY_STATE/config-$name.yml" <<EOF
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $REGISTRY_STATE/data
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:$port
  secret: $secret
  headers:
    X-Content-Type-Options: [nosniff]
$tls
auth:
  htpasswd:
    realm: flask-helm-wizard-e2e
    path: $REGISTRY_STATE/auth/htpasswd
EOF
  done
)

for name in $REGISTRY_NAMES; do
  # No OpenTelemetry exporter: the registry would otherwise look for an OTLP collector.
  OTEL_TRACES_EXPORTER=none OTEL_METRICS_EXPORTER=none setsid "$BIN/registry" serve "$REGISTRY_STATE/config-$name.yml" \
    >"$LOGS/registry-$name.log" 2>&1 </dev/null &
  echo $! >"$REGISTRY_STATE/registry-$name.pid"
done
for name in $REGISTRY_NAMES; do
  wait_for 30 "registry ($name)" registry_answers "$name" ||
    e2e_die "registry ($name) not serving after 30s; see $LOGS/registry-$name.log"
done
cat >"$REGISTRY_ENV" <<EOF
REGISTRY_HOST=127.0.0.1:$REGISTRY_PORT
REGISTRY_HTTP_HOST=127.0.0.1:$REGISTRY_HTTP_PORT
REGISTRY_CA=$REGISTRY_STATE/tls/ca.crt
REGISTRY_USER=$REGISTRY_USER
REGISTRY_PASSWORD_FILE=$REGISTRY_STATE/auth/password
EOF
e2e_log "registry up: https://127.0.0.1:$REGISTRY_PORT (CA $REGISTRY_STATE/tls/ca.crt) and http://127.0.0.1:$REGISTRY_HTTP_PORT; user $REGISTRY_USER, password in $REGISTRY_STATE/auth/password"
