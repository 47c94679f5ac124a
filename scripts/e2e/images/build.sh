#!/usr/bin/env bash
# Builds the images of the real-node e2e lane without a registry or a daemon, and
# caches each as a docker-archive tar keyed by the hash of what goes into it:
#   fhw.local/pause          the pod sandbox (build-node.sh's static pause binary)
#   fhw.local/flask-app      app/Dockerfile itself, built by buildah on a Debian base
#                            made here (its BASE_IMAGE build argument)
#   fhw.local/postgres       PostgreSQL 17 from Debian packages, as the official image behaves
#   fhw.local/valkey         Valkey 8 from Debian packages, as the official image behaves
# (CONTRACT.md: what the subcharts rely on from the official images.) Root
# filesystems come from mmdebstrap (Debian's archive is the only source); buildah
# keeps its storage under the cache. Prints (with --print-dir) a folder holding the
# tars, images.env (PAUSE_IMAGE) and images.values.yaml (the names, for helm -f).
#   images/build.sh [--print-dir] [node binary dir]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
E2E_HERE=$(dirname "$HERE")
ROOT=$(cd "$E2E_HERE/../.." && pwd)
PRINT=0; [ "${1:-}" = "--print-dir" ] && { PRINT=1; shift; }
NODE_BIN=${1:-$(bash "$E2E_HERE/build-node.sh" --print-dir)}
CACHE=${E2E_BIN_CACHE:-$HOME/.cache/flask-helm-wizard/e2e}/images
# trixie: its python3 (3.13) satisfies app/requirements.lock (bookworm's 3.11.2 does
# not: redis needs async-timeout below 3.11.3), and it ships PostgreSQL 17 and Valkey 8,
# the majors the subcharts pin.
SUITE=trixie
log() { echo "[images] $*" >&2; }
for tool in mmdebstrap buildah; do
  command -v "$tool" >/dev/null || { echo "images/build.sh: $tool is missing; run scripts/tools/install-system-deps.sh" >&2; exit 1; }
done
mkdir -p "$CACHE"
exec 8>"$CACHE/.lock"
flock 8
B=(buildah --root "$CACHE/buildah/root" --runroot "$CACHE/buildah/runroot" --storage-driver overlay)
# This script is part of every key: a changed recipe rebuilds.
SELF=$(sha256sum "$HERE/build.sh" | cut -c1-16)
hash_of() { sha256sum | cut -c1-16; }
start=$(date +%s)

# rootfs <tar> <packages> [customize hook]: a minimal Debian root filesystem.
rootfs() {
  local out=$1 pkgs=$2 hook=${3:-true}
  mmdebstrap --quiet --variant=minbase --include="$pkgs" --customize-hook="$hook" \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' "$SUITE" "${out%.tar}.tmp.tar"
  mv "${out%.tar}.tmp.tar" "$out"
}

# from_rootfs <ref> <rootfs tar> <buildah config args...>: an image of that tree.
from_rootfs() {
  local ref=$1 tar=$2 c; shift 2
  c=$("${B[@]}" from scratch)
  "${B[@]}" add --quiet "$c" "$tar" / >/dev/null
  "${B[@]}" config "$@" "$c"
  "${B[@]}" commit --quiet "$c" "$ref" >/dev/null
  "${B[@]}" rm "$c" >/dev/null
}

# export_image <ref> <tar>: a docker-archive containerd can import (ctr images import).
export_image() {
  rm -f "$2.tmp"
  "${B[@]}" push --quiet "$1" "docker-archive:$2.tmp:$1" >/dev/null
  mv "$2.tmp" "$2"
}

have_image() { "${B[@]}" inspect --type image "$1" >/dev/null 2>&1; }

# --- pause -------------------------------------------------------------------------
PAUSE_KEY=$( { echo "$SELF"; sha256sum <"$NODE_BIN/pause"; } | hash_of)
PAUSE_REF=fhw.local/pause:$PAUSE_KEY
PAUSE_TAR=$CACHE/pause-$PAUSE_KEY.tar
if [ ! -f "$PAUSE_TAR" ]; then
  log "pause image"
  c=$("${B[@]}" from scratch)
  "${B[@]}" copy --quiet "$c" "$NODE_BIN/pause" /pause >/dev/null
  "${B[@]}" config --entrypoint '["/pause"]' --user 65535:65535 "$c"
  "${B[@]}" commit --quiet "$c" "$PAUSE_REF" >/dev/null
  "${B[@]}" rm "$c" >/dev/null
  export_image "$PAUSE_REF" "$PAUSE_TAR"
fi

# --- the app -----------------------------------------------------------------------
# The base replaces python:3.12-slim: Debian's python3 with venv, pip and the headers
# uWSGI compiles against, `python` on PATH as in the public image.
BASE_PKGS=python3,python3-venv,python3-dev,python-is-python3,ca-certificates
BASE_KEY=$(echo "$SELF $SUITE $BASE_PKGS" | hash_of)
BASE_REF=localhost/fhw-python-base:$BASE_KEY
if ! have_image "$BASE_REF"; then
  log "Debian $SUITE Python base (mmdebstrap)"
  rootfs "$CACHE/base-$BASE_KEY.rootfs.tar" "$BASE_PKGS"
  from_rootfs "$BASE_REF" "$CACHE/base-$BASE_KEY.rootfs.tar" \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --env LANG=C.UTF-8 --cmd python3
  rm -f "$CACHE/base-$BASE_KEY.rootfs.tar"
fi
# The build context the Dockerfile copies from (minus bytecode and local models).
APP_KEY=$( {
  echo "$SELF $BASE_KEY"
  cd "$ROOT/app" && find Dockerfile .dockerignore requirements.lock uwsgi.ini flask_app migrations model/train.py \
    -type f ! -name '*.pyc' ! -path '*/__pycache__/*' -print0 | sort -z | xargs -0 sha256sum
} | hash_of)
APP_VERSION=$(sed -n 's/^appVersion: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$ROOT/flask-app/Chart.yaml")
APP_REF=fhw.local/flask-app:$APP_VERSION
APP_TAR=$CACHE/flask-app-$APP_KEY.tar
if [ ! -f "$APP_TAR" ]; then
  log "app image from app/Dockerfile (buildah; uWSGI compiles: a few minutes cold)"
  # chroot isolation: no runtime inside the build, host network for apt and PyPI. The
  # machine's CA bundle and pip config are mounted for the RUN steps only (a TLS proxy
  # may sit in front of PyPI); they are not copied into the image.
  vols=()
  [ -f /etc/ssl/certs/ca-certificates.crt ] && vols+=(-v /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro)
  [ -f /etc/pip.conf ] && vols+=(-v /etc/pip.conf:/etc/pip.conf:ro)
  "${B[@]}" build --quiet --isolation chroot "${vols[@]}" --build-arg "BASE_IMAGE=$BASE_REF" \
    -t "$APP_REF" -f "$ROOT/app/Dockerfile" "$ROOT/app" >&2
  export_image "$APP_REF" "$APP_TAR"
fi

# --- PostgreSQL and Valkey stand-ins (CONTRACT.md) -----------------------------------
# uid_move <user> <id>: the chart runs PostgreSQL as 10999 and Valkey as 10998 (above
# 10000, clear of host users; the official images run as any uid). Debian's packages
# pick a free system id, so the hook moves the user, its group and its files there:
# postgres's initdb refuses a uid that has no passwd entry.
uid_move() {
  # shellcheck disable=SC2016 # expanded by mmdebstrap's hook shell
  printf 'old=$(chroot "$1" id -u %s); oldg=$(chroot "$1" id -g %s); sed -i "s/^%s:x:$old:$oldg:/%s:x:%s:%s:/" "$1/etc/passwd"; sed -i "s/^%s:x:$oldg:/%s:x:%s:/" "$1/etc/group"; find "$1" -xdev \\( -uid "$old" -o -gid "$oldg" \\) -exec chown -h %s:%s {} +' \
    "$1" "$1" "$1" "$1" "$2" "$2" "$1" "$1" "$2" "$2" "$2"
}
PG_PKGS=postgresql-17,ca-certificates
PG_KEY=$( { echo "$SELF $SUITE $PG_PKGS"; cat "$HERE/postgres-entrypoint.sh"; } | hash_of)
PG_REF=fhw.local/postgres:17-debian
PG_TAR=$CACHE/postgres-$PG_KEY.tar
if [ ! -f "$PG_TAR" ]; then
  log "PostgreSQL 17 stand-in (mmdebstrap)"
  rootfs "$CACHE/pg-$PG_KEY.rootfs.tar" "$PG_PKGS" \
    "$(uid_move postgres 10999); install -m 755 $HERE/postgres-entrypoint.sh \"\$1/usr/local/bin/docker-entrypoint.sh\"; mkdir -p \"\$1/var/lib/postgresql/data\" \"\$1/var/run/postgresql\"; chown 10999:10999 \"\$1/var/lib/postgresql/data\" \"\$1/var/run/postgresql\"; chmod 3777 \"\$1/var/run/postgresql\""
  from_rootfs "$PG_REF" "$CACHE/pg-$PG_KEY.rootfs.tar" \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/lib/postgresql/17/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env PGDATA=/var/lib/postgresql/data --env LANG=C.UTF-8 --env PG_MAJOR=17 \
    --entrypoint '["docker-entrypoint.sh"]' --cmd postgres --stop-signal SIGINT --port 5432/tcp
  rm -f "$CACHE/pg-$PG_KEY.rootfs.tar"
  export_image "$PG_REF" "$PG_TAR"
fi
VK_PKGS=valkey-server,valkey-tools
VK_KEY=$(echo "$SELF $SUITE $VK_PKGS" | hash_of)
VK_REF=fhw.local/valkey:8-debian
VK_TAR=$CACHE/valkey-$VK_KEY.tar
if [ ! -f "$VK_TAR" ]; then
  log "Valkey 8 stand-in (mmdebstrap)"
  rootfs "$CACHE/vk-$VK_KEY.rootfs.tar" "$VK_PKGS" \
    "$(uid_move valkey 10998); mkdir -p \"\$1/data\"; chown 10998:10998 \"\$1/data\""
  from_rootfs "$VK_REF" "$CACHE/vk-$VK_KEY.rootfs.tar" \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --workingdir /data \
    --cmd valkey-server --port 6379/tcp
  rm -f "$CACHE/vk-$VK_KEY.rootfs.tar"
  export_image "$VK_REF" "$VK_TAR"
fi

# --- the set up-real.sh imports --------------------------------------------------------
SET=$CACHE/set-$(echo "$PAUSE_KEY $APP_KEY $PG_KEY $VK_KEY" | hash_of)
if [ ! -f "$SET/.ok" ]; then
  rm -rf "$SET.tmp"; mkdir -p "$SET.tmp"
  ln -s "$PAUSE_TAR" "$SET.tmp/pause.tar"; ln -s "$APP_TAR" "$SET.tmp/flask-app.tar"
  ln -s "$PG_TAR" "$SET.tmp/postgres.tar"; ln -s "$VK_TAR" "$SET.tmp/valkey.tar"
  echo "PAUSE_IMAGE=$PAUSE_REF" >"$SET.tmp/images.env"
  # IfNotPresent, as on a real cluster: a tag that is not imported fails to pull
  # (there is no registry to pull from), which is one of the failures the suite shows.
  cat >"$SET.tmp/images.values.yaml" <<EOF
# Written by scripts/e2e/images/build.sh: the real-node lane's local images.
image: {registry: "", repository: ${APP_REF%:*}, tag: "$APP_VERSION", pullPolicy: IfNotPresent}
postgresql:
  image: {repository: ${PG_REF%:*}, tag: "${PG_REF##*:}", pullPolicy: IfNotPresent}
redis:
  image: {repository: ${VK_REF%:*}, tag: "${VK_REF##*:}", pullPolicy: IfNotPresent}
EOF
  touch "$SET.tmp/.ok"; rm -rf "$SET"; mv "$SET.tmp" "$SET"
fi
log "images ready in $(( $(date +%s) - start ))s: $SET"
if [ $PRINT = 1 ]; then echo "$SET"; fi
