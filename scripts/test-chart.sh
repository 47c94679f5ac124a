#!/usr/bin/env bash
# The chart test matrix (a developer tool; `npm test` runs the same vitest project):
#   1. `helm lint --strict` of flask-app/ with each values file, on Helm 3 and Helm 4;
#   2. `helm template` of each environment offline (no `helm dependency build`);
#   3. the vitest `chart` project (rendered objects, schema, validateValues,
#      contract, kube-score + checkov on the default, dev, staging and prod
#      renders, README freshness).
# Extra arguments go to vitest (e.g. a test file or -t <name>).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BIN=$ROOT/.cache/bin

bash scripts/tools/fetch-helm.sh --quiet
bash scripts/tools/lint-tools.sh --quiet

failed=0
for major in helm3 helm4; do
  version=$("$BIN/$major" version --template '{{.Version}}')
  for file in values.yaml values-dev.yaml values-staging.yaml values-prod.yaml; do
    if out=$("$BIN/$major" lint --strict flask-app -f "flask-app/$file" 2>&1); then
      echo "ok    $major $version lint --strict -f $file"
    else
      echo "FAIL  $major $version lint --strict -f $file"; echo "$out" | sed 's/^/      /'; failed=1
    fi
  done
  for env in dev staging prod; do
    if out=$("$BIN/$major" template flask-app flask-app -f "flask-app/values-$env.yaml" 2>&1 >/dev/null); then
      echo "ok    $major $version template -f values-$env.yaml (offline)"
    else
      echo "FAIL  $major $version template -f values-$env.yaml"; echo "$out" | sed 's/^/      /'; failed=1
    fi
  done
done

npx vitest run --project chart "$@" || failed=1
exit $failed
