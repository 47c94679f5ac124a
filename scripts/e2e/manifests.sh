# Objects up.sh creates in a fresh cluster (sourced after lib.sh).

# Fake nodes with their status set at creation. Every address is 127.0.0.1: the
# apiserver dials a node's InternalIP for port-forward, and nothing may be dialled
# but loopback. Zones let charts with topology spread constraints schedule.
nodes_yaml() {
  local i
  for ((i = 0; i < E2E_NODES; i++)); do
    cat <<EOF
---
apiVersion: v1
kind: Node
metadata:
  name: fhw-e2e-node-$i
  annotations: {kwok.x-k8s.io/node: fake, node.alpha.kubernetes.io/ttl: "0"}
  labels:
    kubernetes.io/hostname: fhw-e2e-node-$i
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    topology.kubernetes.io/zone: zone-$i
    type: kwok
status:
  addresses:
  - {type: InternalIP, address: 127.0.0.1}
  allocatable: {cpu: "32", memory: 256Gi, pods: "110", ephemeral-storage: 500Gi}
  capacity: {cpu: "32", memory: 256Gi, pods: "110", ephemeral-storage: 500Gi}
EOF
  done
}

# No provisioner exists, so the default StorageClass is backed by static PVs.
# WaitForFirstConsumer, as on most real clusters: the scheduler picks a PV when it
# places the pod, so no pod ever sees "unbound immediate PersistentVolumeClaims"
# (with Immediate binding that transient FailedScheduling event shows up first).
# A few PVs without a class serve claims that ask for storageClassName "".
# Nothing ever mounts them; the hostPath is a label, not a directory.
storage_yaml() {
  local i class
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
allowVolumeExpansion: true
EOF
  for ((i = 0; i < E2E_PVS; i++)); do
    class=standard; [ $((i % 8)) -eq 7 ] && class=""
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
  storageClassName: "$class"
  volumeMode: Filesystem
  hostPath: {path: /fhw-e2e/pv-$i}
EOF
  done
}

# Port-forward to port 8080 of any pod in any namespace reaches the local target.
# A test points its own pods elsewhere with a PortForward named after the pod.
port_forward_yaml() {
  cat <<EOF
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: ClusterPortForward
metadata: {name: fhw-e2e-default-target}
spec:
  forwards:
  - ports: [8080]
    target: {address: 127.0.0.1, port: $E2E_TARGET_PORT}
EOF
}
