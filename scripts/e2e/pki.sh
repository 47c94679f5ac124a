# make_pki: a throwaway CA and the certificates the e2e control plane needs, in
# $PKI (sourced by up.sh after lib.sh). EC keys keep this under a second; the
# service-account signing key is RSA because that is what every client expects.
make_pki() {
  local ossl=(openssl)
  mkdir -p "$PKI"; chmod 700 "$PKI"
  (
    cd "$PKI"
    ec_key() { "${ossl[@]}" genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
    ec_key ca.key
    "${ossl[@]}" req -x509 -new -key ca.key -days 30 -subj "/CN=fhw-e2e-ca" -out ca.crt 2>/dev/null

    # sign <name> <subject> [subjectAltName]: a leaf signed by the CA.
    sign() {
      local name=$1 subj=$2 san=${3:-} ext
      ec_key "$name.key"
      "${ossl[@]}" req -new -key "$name.key" -subj "$subj" -out "$name.csr" 2>/dev/null
      ext=$(mktemp)
      if [ -n "$san" ]; then
        printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=%s\n' "$san" >"$ext"
      else
        printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' >"$ext"
      fi
      "${ossl[@]}" x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial \
        -days 30 -extfile "$ext" -out "$name.crt" 2>/dev/null
      rm -f "$name.csr" "$ext"
    }
    local_sans="IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:10.96.0.1"
    sign apiserver "/CN=kube-apiserver" "$local_sans"
    # kwok serves the kubelet API (port-forward); the apiserver does not verify it.
    sign kwok "/CN=kwok-kubelet" "IP:127.0.0.1,DNS:localhost"
    sign admin "/O=system:masters/CN=fhw-e2e-admin"
    "${ossl[@]}" genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out sa.key 2>/dev/null
    "${ossl[@]}" pkey -in sa.key -pubout -out sa.pub 2>/dev/null
  )
  chmod 600 "$PKI"/*.key
}

# write_kubeconfig <file>: admin credentials embedded, so the file can be copied
# elsewhere (tests, other tools) and still work.
write_kubeconfig() {
  local file=$1 tmp
  tmp=$(mktemp "$file.XXXXXX")
  cat >"$tmp" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: fhw-e2e
  cluster:
    server: https://127.0.0.1:$API_PORT
    certificate-authority-data: $(base64 -w0 <"$PKI/ca.crt")
users:
- name: fhw-e2e-admin
  user:
    client-certificate-data: $(base64 -w0 <"$PKI/admin.crt")
    client-key-data: $(base64 -w0 <"$PKI/admin.key")
contexts:
- name: fhw-e2e
  context: {cluster: fhw-e2e, user: fhw-e2e-admin, namespace: default}
current-context: fhw-e2e
EOF
  chmod 600 "$tmp"; mv "$tmp" "$file"
}
