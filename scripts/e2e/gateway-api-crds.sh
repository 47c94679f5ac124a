# shellcheck shell=bash
# Gateway API standard CRDs (GatewayClass, Gateway, HTTPRoute, GRPCRoute,
# ReferenceGrant, ...) for the e2e API server, so a chart render with
# httpRoute.enabled passes a server-side dry run. Sourced by build.sh, which
# copies them from the Go module sigs.k8s.io/gateway-api beside the binaries
# (like the ServiceMonitor CRD), and by up.sh, which applies them.
# v1.6.3: the newest release whose module builds with the machine's Go 1.26
# (v1.7.0 declares go 1.27).
GATEWAY_API=${GATEWAY_API:-1.6.3}

# build.sh: $OUT/crds-gateway-api-v<version>/ with an .ok marker, once per version.
ensure_gateway_crds() {
  local dir=$OUT/crds-gateway-api-v$GATEWAY_API src tmp
  [ -f "$dir/.ok" ] && return 0
  src=$(GOFLAGS= go mod download -json "sigs.k8s.io/gateway-api@v$GATEWAY_API" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
  if [ ! -d "$src/config/crd/standard" ]; then
    echo "build.sh: could not download sigs.k8s.io/gateway-api@v$GATEWAY_API from the Go module proxy" >&2
    exit 1
  fi
  tmp=$dir.tmp; rm -rf "$tmp"; mkdir -p "$tmp"
  # The CRDs only: the release's safe-upgrade ValidatingAdmissionPolicy is not needed here.
  cp "$src"/config/crd/standard/gateway.networking.k8s.io_*.yaml "$tmp/"
  rm -f "$tmp"/*_vap_*.yaml
  chmod 644 "$tmp"/*.yaml; touch "$tmp/.ok"; rm -rf "$dir"; mv "$tmp" "$dir"
}

# up.sh: apply them and wait until HTTPRoute and Gateway are served.
apply_gateway_crds() {
  local dir=$BIN/crds-gateway-api-v$GATEWAY_API
  [ -f "$dir/.ok" ] || e2e_die "$dir is missing; run 'npm run e2e:build' again"
  kc apply --server-side -f "$dir" >/dev/null
  kc wait --for=condition=Established --timeout=30s crd/httproutes.gateway.networking.k8s.io \
    crd/gateways.gateway.networking.k8s.io crd/gatewayclasses.gateway.networking.k8s.io >/dev/null
}
