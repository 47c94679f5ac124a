#!/usr/bin/env bash
# Makes a throwaway GPG signing key for the chart publishing tests, in DIR only:
#   DIR/gnupg/        the GNUPGHOME it was made in (its agent is stopped again)
#   DIR/secring.gpg   the secret key in the legacy keyring format `helm package --sign` reads
#   DIR/pubring.gpg   the public key, for `helm verify --keyring`
#   DIR/passphrase    the key's random passphrase (mode 600; never on a command line)
# Prints the key's name (what `--key` takes). Never touches ~/.gnupg.
#   scripts/chart/test-key.sh DIR [NAME]
set -euo pipefail
DIR=${1:?usage: test-key.sh DIR [NAME]}
NAME=${2:-flask-helm-wizard test signing key}
command -v gpg >/dev/null || { echo "test-key.sh: gpg is missing; run scripts/tools/install-system-deps.sh" >&2; exit 1; }
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
export GNUPGHOME=$DIR/gnupg
rm -rf "$GNUPGHOME"; mkdir -m 700 "$GNUPGHOME"
# The agent this starts lives in GNUPGHOME; stop it whatever happens below.
trap 'gpgconf --kill gpg-agent >/dev/null 2>&1 || true' EXIT

umask 077
openssl rand -hex 24 >"$DIR/passphrase"
gpg=(gpg --batch --quiet --pinentry-mode loopback --passphrase-file "$DIR/passphrase")
# RSA: Helm 3's OpenPGP library reads no newer key types.
"${gpg[@]}" --quick-gen-key "$NAME <signing@flask-helm-wizard.example>" rsa2048 sign 1d 2>/dev/null
"${gpg[@]}" --export-secret-keys "$NAME" >"$DIR/secring.gpg"
gpg --batch --quiet --export "$NAME" >"$DIR/pubring.gpg"
chmod 644 "$DIR/pubring.gpg"
[ -s "$DIR/secring.gpg" ] && [ -s "$DIR/pubring.gpg" ] || { echo "test-key.sh: gpg exported no key" >&2; exit 1; }
echo "$NAME"
