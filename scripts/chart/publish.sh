#!/usr/bin/env bash
# Packages flask-app/, signs it (a .prov provenance file beside the .tgz), verifies the
# signature, and optionally pushes both to an OCI registry. Secrets never go on a
# command line: the key's passphrase comes from a file, the registry password on stdin.
#
#   scripts/chart/publish.sh --key NAME --keyring SECRING [options]
#     --key NAME              signing key (name, email or id) in SECRING
#     --keyring FILE          legacy-format secret keyring (gpg --export-secret-keys NAME > FILE)
#     --passphrase-file FILE  the key's passphrase (omit for a key without one)
#     --verify-keyring FILE   public keyring `helm verify` checks against  [--keyring]
#     --out DIR               where the .tgz and .tgz.prov go  [.cache/chart]
#     --chart DIR             the chart  [flask-app]
#     --helm BIN              helm 3 or helm 4  [$HELM, else .cache/bin/helm, else helm]
#     --push oci://HOST[:PORT]/PATH   push there after verifying (e.g. oci://ghcr.io/org/charts)
#     --username USER         log in first, reading the password from stdin
#                             (without it, helm uses an earlier `helm registry login`)
#     --ca-file FILE          CA bundle of a registry with a private certificate
#     --plain-http            registry without TLS (local testing only)
#     --overwrite             replace a version the registry already has (OCI tags can be
#                             moved; without this a published version is never replaced)
# Prints the archive, its provenance and, with --push, the reference to install:
#   helm install <release> oci://HOST/PATH/flask-app --version <version>
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
die() { echo "publish.sh: $*" >&2; exit 1; }

key='' keyring='' passphrase='' verify_keyring='' out=$ROOT/.cache/chart chart=$ROOT/flask-app
helm_bin=${HELM:-} push='' user='' ca='' plain=0 overwrite=0
while [ $# -gt 0 ]; do
  case $1 in
    --key) key=${2:?}; shift 2 ;;
    --keyring) keyring=${2:?}; shift 2 ;;
    --passphrase-file) passphrase=${2:?}; shift 2 ;;
    --verify-keyring) verify_keyring=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    --chart) chart=${2:?}; shift 2 ;;
    --helm) helm_bin=${2:?}; shift 2 ;;
    --push) push=${2:?}; shift 2 ;;
    --username) user=${2:?}; shift 2 ;;
    --ca-file) ca=${2:?}; shift 2 ;;
    --plain-http) plain=1; shift ;;
    --overwrite) overwrite=1; shift ;;
    -h | --help) usage ;;
    *) echo "publish.sh: unknown option $1" >&2; usage ;;
  esac
done
[ -n "$key" ] && [ -n "$keyring" ] || { echo "publish.sh: --key and --keyring are required" >&2; usage; }
[ -f "$keyring" ] || die "no keyring at $keyring"
[ -z "$passphrase" ] || [ -f "$passphrase" ] || die "no passphrase file at $passphrase"
[ -n "$verify_keyring" ] || verify_keyring=$keyring
[ -z "$push" ] || [[ $push == oci://* ]] || die "--push takes an oci:// reference, e.g. oci://127.0.0.1:5000/charts"
[ -z "$user" ] || [ -n "$push" ] || die "--username needs --push"
if [ -z "$helm_bin" ]; then
  if [ -x "$ROOT/.cache/bin/helm" ]; then helm_bin=$ROOT/.cache/bin/helm; else helm_bin=helm; fi
fi
# Read the password before anything else can consume stdin.
password=''
if [ -n "$user" ]; then
  IFS= read -r password || [ -n "$password" ] || die "--username given but no password on stdin"
  [ -n "$password" ] || die "--username given but no password on stdin"
fi

name=$(sed -n 's/^name:[[:space:]]*//p' "$chart/Chart.yaml" | tr -d "\"'")
version=$(sed -n 's/^version:[[:space:]]*//p' "$chart/Chart.yaml" | tr -d "\"'")
[ -n "$name" ] && [ -n "$version" ] || die "no name/version in $chart/Chart.yaml"
mkdir -p "$out"
tgz=$out/$name-$version.tgz
rm -f "$tgz" "$tgz.prov"

lint=$("$helm_bin" lint --strict "$chart" 2>&1) || { echo "$lint" >&2; die "helm lint --strict $chart failed; fix the chart first"; }
sign=(--sign --key "$key" --keyring "$keyring")
[ -z "$passphrase" ] || sign+=(--passphrase-file "$passphrase")
"$helm_bin" package "${sign[@]}" --destination "$out" "$chart" >/dev/null
[ -f "$tgz" ] && [ -f "$tgz.prov" ] || die "helm package wrote no $tgz with provenance"
"$helm_bin" verify --keyring "$verify_keyring" "$tgz" >&2 || die "helm verify failed on $tgz"
echo "packaged $tgz"
echo "provenance $tgz.prov"
[ -n "$push" ] || exit 0

tls=() login_tls=()
[ -z "$ca" ] || { tls+=(--ca-file "$ca"); login_tls+=(--ca-file "$ca"); }
if [ $plain = 1 ]; then
  tls+=(--plain-http)
  # Helm 3's `registry login` has no --plain-http; its --insecure also accepts plain HTTP.
  case $("$helm_bin" version --template '{{.Version}}') in v3.*) login_tls+=(--insecure) ;; *) login_tls+=(--plain-http) ;; esac
fi
host=${push#oci://}; host=${host%%/*}
if [ -n "$user" ]; then
  # The login lasts only for this push: the credentials do not outlive the script.
  trap '"$helm_bin" registry logout "$host" >/dev/null 2>&1 || true' EXIT
  printf '%s\n' "$password" | "$helm_bin" registry login "$host" --username "$user" --password-stdin "${login_tls[@]}" >&2 ||
    die "helm registry login $host failed"
fi
password=''
# A version users may have pulled, verified or pinned by digest is never silently replaced.
if [ $overwrite = 0 ] && "$helm_bin" show chart "${push%/}/$name" --version "$version" "${tls[@]}" >/dev/null 2>&1; then
  die "$name $version is already in $push; bump version: in $chart/Chart.yaml (or pass --overwrite)"
fi
# helm push uploads the .prov beside the .tgz as a layer of the same artifact.
pushed=$("$helm_bin" push "$tgz" "$push" "${tls[@]}" 2>&1) || die "helm push to $push failed: $pushed"
echo "$pushed" | sed -n 's/^Digest: /digest /p'
echo "pushed ${push%/}/$name --version $version"
