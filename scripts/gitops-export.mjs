#!/usr/bin/env node
// Thin runnable entry for src/gitops until `flask-helm-wizard export --gitops` is wired
// into the CLI: bundles src/gitops with esbuild (a dev dependency) into .cache/ and
// calls writeExport. Usage:
//   node scripts/gitops-export.mjs --gitops flux|argocd -e ENV -n NAMESPACE --release NAME \
//     --override FILE --output-dir DIR --git-url URL [--git-revision main] [--git-path DIR]
//     (--chart-ref oci://HOST/PATH/flask-app --chart-version X | --chart-path flask-app)
//     [--registry-secret NAME] [--registry-ca-secret NAME] [--existing-secret NAME]...
//     [--timeout 5m] [--retries 3] [--argocd-namespace argocd] [--argocd-project default]
// Exit codes: 0 written, 2 bad input (message and hint on stderr), 1 other failure.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: a } = parseArgs({
  options: {
    gitops: { type: 'string' },
    environment: { type: 'string', short: 'e' },
    namespace: { type: 'string', short: 'n' },
    release: { type: 'string', default: 'flask-app' },
    override: { type: 'string' },
    'output-dir': { type: 'string' },
    'chart-ref': { type: 'string' },
    'chart-version': { type: 'string' },
    'chart-path': { type: 'string' },
    'registry-secret': { type: 'string' },
    'registry-ca-secret': { type: 'string' },
    'existing-secret': { type: 'string', multiple: true, default: [] },
    timeout: { type: 'string', default: '5m' },
    retries: { type: 'string', default: '3' },
    'git-url': { type: 'string' },
    'git-revision': { type: 'string', default: 'main' },
    'git-path': { type: 'string' },
    'argocd-namespace': { type: 'string' },
    'argocd-project': { type: 'string' },
  },
});

function usage(message) {
  process.stderr.write(`gitops-export: ${message}\nhint: see the usage at the top of scripts/gitops-export.mjs\n`);
  process.exit(2);
}
for (const k of ['gitops', 'environment', 'namespace', 'override', 'output-dir', 'git-url'])
  if (!a[k]) usage(`--${k} is required`);
if (!a['chart-path'] && !(a['chart-ref'] && a['chart-version']))
  usage('give --chart-ref and --chart-version, or --chart-path');

const out = path.join(ROOT, '.cache', 'gitops-export', 'gitops.mjs');
mkdirSync(path.dirname(out), { recursive: true });
await build({
  entryPoints: [path.join(ROOT, 'src', 'gitops', 'index.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: out,
  logLevel: 'error',
});
const { writeExport, ExportError } = await import(pathToFileURL(out).href);

const chart = a['chart-path']
  ? { kind: 'git', path: a['chart-path'] }
  : {
      kind: 'oci',
      ref: a['chart-ref'],
      version: a['chart-version'],
      ...(a['registry-secret'] ? { pullSecret: a['registry-secret'] } : {}),
      ...(a['registry-ca-secret'] ? { caSecret: a['registry-ca-secret'] } : {}),
    };
const input = {
  tool: a.gitops,
  environment: a.environment,
  namespace: a.namespace,
  release: a.release,
  chart,
  overrideFile: path.basename(a.override),
  existingSecrets: a['existing-secret'],
  timeout: a.timeout,
  retries: Number(a.retries),
  git: { url: a['git-url'], revision: a['git-revision'], path: a['git-path'] ?? a['output-dir'] },
  argocd: {
    ...(a['argocd-namespace'] ? { namespace: a['argocd-namespace'] } : {}),
    ...(a['argocd-project'] ? { project: a['argocd-project'] } : {}),
  },
};
if (!['flux', 'argocd'].includes(input.tool)) usage('--gitops is flux or argocd');
if (!['dev', 'staging', 'prod'].includes(input.environment)) usage('-e is dev, staging or prod');
try {
  const result = await writeExport(a['output-dir'], input, {
    envValues: readFileSync(path.join(ROOT, 'flask-app', `values-${input.environment}.yaml`), 'utf8'),
    override: readFileSync(a.override, 'utf8'),
  });
  for (const f of result.written) process.stdout.write(`wrote ${path.join(result.dir, f)}\n`);
  for (const f of result.unchanged) process.stdout.write(`unchanged ${path.join(result.dir, f)}\n`);
} catch (e) {
  if (e instanceof ExportError) {
    process.stderr.write(`gitops-export: ${e.message}\nhint: ${e.hint}\n`);
    process.exit(2);
  }
  throw e;
}
