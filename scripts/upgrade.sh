#!/usr/bin/env bash
# Upgrades the flask-app release without questions: a thin wrapper over
# `flask-helm-wizard upgrade --yes` (fail-fast rollback, exit 3 when rolled back), e.g.
#   scripts/upgrade.sh --environment dev --namespace dev-flask-app --image repo/app:1.2.3
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ ! -f "$root/dist/cli.js" ]; then
  echo "flask-helm-wizard is not built yet: run \`npm ci && npm run build\` in $root" >&2
  exit 1
fi
exec node "$root/bin/flask-helm-wizard.js" upgrade --yes "$@"
