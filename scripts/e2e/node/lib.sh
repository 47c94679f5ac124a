# Settings and helpers of the real-node lane (E2E_NODES=real), sourced after
# ../lib.sh by up-real.sh and down-real.sh.
#
# Layout: everything lives in $NODE (= $E2E_DIR/node) and in one network namespace
# held open by the "netns" process. The control plane, containerd, kubelet,
# kube-proxy and CoreDNS all run inside that namespace (entered with
# `nsenter --net`, never `ip netns exec`, which remounts /sys and hides the cgroups).
# The host namespace gets only one thing: a TCP relay on 127.0.0.1:$API_PORT
# (nsproxy.py) that carries kubectl and helm into the namespace's 127.0.0.1:$API_PORT.
NODE=$E2E_DIR/node
NODE_NAME=fhw-node
# The node's address: kubelet refuses a loopback node IP, and the kernel here has no
# dummy module, so a veth pair with both ends inside the namespace carries it.
NODE_IP=10.99.0.1
NODE_CIDR=10.99.0.0/24
POD_CIDR=10.244.0.0/24
SERVICE_CIDR=10.96.0.0/16
DNS_IP=10.96.0.10
# One cgroup parent per cluster (E2E_PORT_BASE tells two clusters apart).
CGROUP_ROOT=/fhw-e2e-$E2E_PORT_BASE
CNI_NET=fhw-e2e-$E2E_PORT_BASE
CTRD=$NODE/containerd
CTRD_SOCK=$CTRD/containerd.sock
# The lane's components in start order; down-real.sh stops them in reverse.
NODE_COMPONENTS="netns etcd kube-apiserver nsproxy kube-controller-manager kube-scheduler containerd kubelet kube-proxy coredns"
# Host-global sysctls kubelet sets at start (setupKernelTunables); up-real.sh puts
# the old values back once the node is Ready and down-real.sh does again.
KUBELET_SYSCTLS="vm.overcommit_memory kernel.panic kernel.panic_on_oops"
# Paths outside $NODE that kubelet, containerd and libcni write to whatever the
# config says; down-real.sh removes what they left there (only entries of this lane).
KUBELET_PLUGIN_SOCK=/var/lib/kubelet/device-plugins/kubelet.sock

netns_path() { echo "/proc/$(cat "$PIDS/netns.pid")/ns/net"; }
# in_ns <command...>: run inside the lane's network namespace.
in_ns() { nsenter --net="$(netns_path)" -- "$@"; }
