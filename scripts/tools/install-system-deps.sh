#!/usr/bin/env bash
# Debian packages the test suite needs: tmux (real-terminal walks of the CLI),
# PostgreSQL and Redis servers (the app's contract tests), openssl (e2e PKI), and
# the real-node lane's runtime and image tools.
# Installs only what is missing, so a warm machine spends no time here.
set -euo pipefail
need=()
command -v tmux >/dev/null || need+=(tmux)
command -v openssl >/dev/null || need+=(openssl)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
# gnupg: the throwaway signing key of the chart publishing tests (scripts/chart/test-key.sh).
command -v gpg >/dev/null || need+=(gnupg)
# The e2e real-node lane (E2E_NODES=real): the OCI runtime, CNI plugins, iptables for
# kube-proxy, and the daemonless image tools (root filesystems from Debian's archive).
command -v runc >/dev/null || need+=(runc)
[ -x /usr/lib/cni/ptp ] || need+=(containernetworking-plugins)
command -v iptables >/dev/null || need+=(iptables)
command -v buildah >/dev/null || need+=(buildah)
command -v mmdebstrap >/dev/null || need+=(mmdebstrap)
command -v nsenter >/dev/null || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # Debian starts the packaged services; the tests run their own on loopback.
  $SUDO service postgresql stop >/dev/null 2>&1 || true
  $SUDO service redis-server stop >/dev/null 2>&1 || true
fi
echo "system packages ready"
