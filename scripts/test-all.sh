#!/usr/bin/env bash
# The whole suite, as `npm test` runs it: lint, types, build, unit + screen + CLI
# tests, the chart matrix on Helm 3 and Helm 4, the npm package (pack, install, npx
# from a local registry), the Flask app's contract tests with real PostgreSQL and
# Redis, and the e2e suites on a real control plane (built and cached on first use,
# started here and always stopped again): kwok nodes first, then one real kubelet
# node with real containers (E2E_NODES=real).
# Ends with one line "N passed, N failed" summing every runner.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
REPORTS=$ROOT/.cache/reports
rm -rf "$REPORTS"; mkdir -p "$REPORTS"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "tools (system packages, helm 3, helm 4, kubectl, the app's Python packages)"
bash scripts/tools/install-system-deps.sh
bash scripts/tools/fetch-helm.sh
bash scripts/tools/app-venv.sh >/dev/null
step "lint (biome, with the layering rules of ARCHITECTURE.md) and import cycles"
npx biome check .
node scripts/lint/import-cycles.mjs src
step "typecheck (tsc --strict)"
npx tsc -p tsconfig.json --noEmit
step "build (esbuild bundle)"
npm run --silent build

FAILED=0
run_vitest() { # <project> [extra args]
  local project=$1; shift
  step "vitest: $project"
  npx vitest run --project "$project" --reporter=default --reporter=json \
    --outputFile.json="$REPORTS/vitest-$project.json" "$@" || FAILED=1
}

run_vitest unit
run_vitest chart
# The package as users get it: npm pack (its own release build, in a copy of the
# checkout), an install in an empty folder, and npx against a local Verdaccio registry.
run_vitest package

step "app: pytest (real PostgreSQL and Redis)"
bash scripts/tools/app-test.sh --junitxml="$REPORTS/pytest-app.xml" || FAILED=1

step "e2e control plane"
bash scripts/e2e/build.sh
trap 'bash "$ROOT/scripts/e2e/down.sh" || true' EXIT
bash scripts/e2e/up.sh
run_vitest e2e

# The real-node lane after the kwok one (same state folder: the kwok cluster stops
# first). Node parts and images are cached like the control plane.
step "e2e real node (E2E_NODES=real)"
bash scripts/e2e/down.sh
bash scripts/e2e/build-node.sh
if E2E_NODES=real bash scripts/e2e/up.sh; then
  E2E_NODES=real run_vitest e2e-real
else
  echo "the real-node cluster did not start (see .e2e/logs)"; FAILED=1
fi

node scripts/tools/summarize-reports.mjs "$REPORTS" || FAILED=1
exit $FAILED
