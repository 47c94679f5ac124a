# Config files of the real-node lane, written into $NODE by up-real.sh (sourced
# after node/lib.sh). Every path a component writes to is under $NODE.

write_containerd_config() {
  mkdir -p "$CTRD" "$NODE/cni/net.d" "$NODE/cni/ipam"
  cat >"$CTRD/config.toml" <<EOF
version = 3
root = "$CTRD/root"
state = "$CTRD/state"
[grpc]
  address = "$CTRD_SOCK"
[ttrpc]
  address = "$CTRD/containerd.sock.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
# NRI would listen on the host's /run/nri/nri.sock; nothing here uses it.
[plugins.'io.containerd.nri.v1.nri']
  disable = true
[plugins.'io.containerd.cri.v1.images']
  snapshotter = "overlayfs"
  [plugins.'io.containerd.cri.v1.images'.pinned_images]
    # A local image (images/build.sh): nothing can be pulled on these machines.
    sandbox = "$PAUSE_IMAGE"
[plugins.'io.containerd.cri.v1.runtime']
  # Pod network namespaces under \$NODE rather than the host's /run/netns.
  netns_mounts_under_state_dir = true
  # These machines' capability bounding set lacks CAP_SYS_RESOURCE: without this every
  # sandbox fails in runc ("can't get final child's PID from pipe") on oom_score_adj.
  restrict_oom_score_adj = true
  [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc]
    runtime_type = "io.containerd.runc.v2"
    [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]
      BinaryName = "$RUNC"
      SystemdCgroup = false
      Root = "$CTRD/runc"
  [plugins.'io.containerd.cri.v1.runtime'.cni]
    bin_dirs = ["$CNI_BIN_DIR"]
    conf_dir = "$NODE/cni/net.d"
[plugins.'io.containerd.grpc.v1.cri']
  # exec, attach and port-forward streams; kubelet proxies them, so loopback is enough.
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
EOF
  # ptp: every packet is routed, so a pod reaching a ClusterIP served by a pod on the
  # same node needs neither br_netfilter nor hairpin mode. No masquerade: nothing
  # outside the namespace exists to talk to.
  cat >"$NODE/cni/net.d/10-fhw.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "$CNI_NET",
  "plugins": [
    {
      "type": "ptp",
      "ipMasq": false,
      "mtu": 1500,
      "ipam": {
        "type": "host-local",
        "dataDir": "$NODE/cni/ipam",
        "ranges": [[{"subnet": "$POD_CIDR"}]],
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    }
  ]
}
EOF
}

write_kubelet_config() {
  mkdir -p "$NODE/kubelet" "$NODE/kubelet/pki" "$NODE/pod-logs"
  # Pods get the cluster DNS from kubelet; this file only fills the node's own
  # lookups (dnsPolicy Default), and the namespace has no other resolver.
  echo "nameserver $NODE_IP" >"$NODE/resolv.conf"
  cat >"$NODE/kubelet-config.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
# cgroupfs: there is no systemd. These machines mount cgroup v1, which kubelet 1.35
# refuses unless failCgroupV1 is false (v1 support is deprecated upstream).
cgroupDriver: cgroupfs
failCgroupV1: false
cgroupRoot: $CGROUP_ROOT
failSwapOn: false
containerRuntimeEndpoint: unix://$CTRD_SOCK
podLogsDir: $NODE/pod-logs
resolvConf: $NODE/resolv.conf
clusterDNS: [$DNS_IP]
clusterDomain: cluster.local
address: $NODE_IP
port: 10250
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10248
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $PKI/ca.crt}
authorization: {mode: Webhook}
tlsCertFile: $PKI/kubelet.crt
tlsPrivateKeyFile: $PKI/kubelet.key
evictionHard: {memory.available: 100Mi, nodefs.available: 1%, imagefs.available: 1%, nodefs.inodesFree: 1%}
imageGCHighThresholdPercent: 100
serializeImagePulls: false
# Status reaches the API fast, so tests see Ready and failures within a second or two.
nodeStatusUpdateFrequency: 4s
syncFrequency: 10s
EOF
  write_component_kubeconfig "$NODE/kubelet.kubeconfig" kubelet
}

write_kube_proxy_config() {
  write_component_kubeconfig "$NODE/kube-proxy.kubeconfig" kube-proxy
  cat >"$NODE/kube-proxy-config.yaml" <<EOF
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: iptables
clusterCIDR: $POD_CIDR
hostnameOverride: $NODE_NAME
bindAddress: $NODE_IP
healthzBindAddress: 127.0.0.1:10256
metricsBindAddress: 127.0.0.1:10249
nodePortAddresses: [$NODE_CIDR]
clientConnection: {kubeconfig: $NODE/kube-proxy.kubeconfig}
# Zeros keep kube-proxy off the conntrack sysctls, which are host-global.
conntrack: {maxPerCore: 0, min: 0, tcpEstablishedTimeout: 0s, tcpCloseWaitTimeout: 0s}
EOF
}

write_corefile() {
  cat >"$NODE/Corefile" <<EOF
cluster.local:53 in-addr.arpa:53 {
  errors
  ready 127.0.0.1:8181
  health 127.0.0.1:8080
  kubernetes cluster.local in-addr.arpa {
    kubeconfig $NODE/coredns.kubeconfig fhw-e2e
    pods insecure
  }
  cache 5
  loadbalance
}
# Nothing outside the cluster can be reached from the namespace: every other name
# is answered at once instead of timing out.
.:53 {
  errors
  template ANY ANY {
    rcode NXDOMAIN
  }
}
EOF
  write_component_kubeconfig "$NODE/coredns.kubeconfig" admin
}

# write_component_kubeconfig <file> <pki name>: the namespace's own 127.0.0.1 server.
write_component_kubeconfig() {
  local file=$1 who=$2
  cat >"$file" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: fhw-e2e
  cluster: {server: "https://127.0.0.1:$API_PORT", certificate-authority: "$PKI/ca.crt"}
users:
- name: $who
  user: {client-certificate: "$PKI/$who.crt", client-key: "$PKI/$who.key"}
contexts:
- name: fhw-e2e
  context: {cluster: fhw-e2e, user: $who}
current-context: fhw-e2e
EOF
  chmod 600 "$file"
}

# node_certs: the certificates a real node adds to make_pki's (same CA): the
# kubelet's client identity (Node authorizer), its serving certificate, kube-proxy's
# identity, and the API server's client certificate towards kubelets.
node_certs() {
  (
    cd "$PKI"
    leaf() { # <name> <subject> <extendedKeyUsage> [subjectAltName]
      openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null
      openssl req -new -key "$1.key" -subj "$2" -out "$1.csr" 2>/dev/null
      {
        printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=%s\n' "$3"
        [ -z "${4:-}" ] || printf 'subjectAltName=%s\n' "$4"
      } >"$1.ext"
      openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 \
        -extfile "$1.ext" -out "$1.crt" 2>/dev/null
      rm -f "$1.csr" "$1.ext"
    }
    leaf kubelet "/O=system:nodes/CN=system:node:$NODE_NAME" serverAuth,clientAuth "IP:$NODE_IP,DNS:$NODE_NAME"
    leaf kube-proxy "/CN=system:kube-proxy" clientAuth
    leaf apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client" clientAuth
  )
  chmod 600 "$PKI"/*.key
}
