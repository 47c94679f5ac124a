# Objects up-real.sh creates in a fresh real-node cluster (sourced after node/lib.sh).

# kube-dns: CoreDNS runs as a process of the node (in the namespace, on $NODE_IP:53),
# so the Service has no selector and one EndpointSlice that names that address.
dns_service_yaml() {
  cat <<EOF
---
apiVersion: v1
kind: Service
metadata:
  name: kube-dns
  namespace: kube-system
  labels: {k8s-app: kube-dns}
spec:
  clusterIP: $DNS_IP
  ports:
  - {name: dns, port: 53, protocol: UDP, targetPort: 53}
  - {name: dns-tcp, port: 53, protocol: TCP, targetPort: 53}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: kube-dns-node
  namespace: kube-system
  labels: {kubernetes.io/service-name: kube-dns, endpointslice.kubernetes.io/managed-by: fhw-e2e}
addressType: IPv4
endpoints:
- addresses: [$NODE_IP]
  conditions: {ready: true}
ports:
- {name: dns, port: 53, protocol: UDP}
- {name: dns-tcp, port: 53, protocol: TCP}
EOF
}

# The default StorageClass: static `local` PVs, each a real directory under
# $NODE/volumes on this node. `local` rather than hostPath because kubelet applies a
# pod's fsGroup to local volumes (PostgreSQL runs as 999 and must own its data).
# WaitForFirstConsumer as on most clusters; Retain, so a claim deleted with its
# namespace leaves its data for a post-mortem (down removes the directories).
node_storage_yaml() {
  local i dir
  cat <<EOF
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Retain
EOF
  for ((i = 0; i < E2E_PVS; i++)); do
    dir=$NODE/volumes/pv-$i
    mkdir -p "$dir"
    cat <<EOF
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: fhw-e2e-pv-$i
  labels: {fhw-e2e/static-pv: "true"}
spec:
  capacity: {storage: 100Gi}
  accessModes: [ReadWriteOnce, ReadOnlyMany, ReadWriteMany]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: standard
  volumeMode: Filesystem
  local: {path: $dir}
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - {key: kubernetes.io/hostname, operator: In, values: [$NODE_NAME]}
EOF
  done
}
