#!/usr/bin/env bash
# Installs (or upgrades) the flask-app release without questions: a thin wrapper over
# `flask-helm-wizard install --yes`. Every flag of the CLI works here, e.g.
#   scripts/install.sh --environment dev --namespace dev-flask-app
#   scripts/install.sh -e prod -n prod-flask-app --answers deploy/prod.yaml --json
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ ! -f "$root/dist/cli.js" ]; then
  echo "flask-helm-wizard is not built yet: run \`npm ci && npm run build\` in $root" >&2
  exit 1
fi
exec node "$root/bin/flask-helm-wizard.js" install --yes "$@"
